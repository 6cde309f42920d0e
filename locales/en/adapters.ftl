## What a platform action ran into, as operators and members read it.
platform-dm-closed = cannot send a direct message: { $reason }
platform-rate-limited = rate limited: retry after { $seconds } s
platform-failed = { $error }
platform-not-connected = { $platform } is not connected
telegram-bad-chat-id = `{ $id }` is not a Telegram chat id
telegram-dm-not-started = the member has not started a private chat with the bot
discord-bad-id = `{ $id }` is not a Discord { $what } id
discord-dms-closed = the member does not accept direct messages from this server
discord-role-fix = Discord refused to change the { $what } role ({ $role }): Steward needs the Manage Roles permission and its own role must sit above the { $what } role. Fix: Server Settings → Roles, give Steward's role Manage Roles and drag it above { $what }.
discord-role-nowhere = no community guild has both the member and the { $what } role ({ $role })
discord-drop-too-long = the drop is longer than Discord's { $max } characters

## Discord: words the adapter adds around replies, and the "Schedule as drop" form.
discord-answer-cut = … (more than Discord shows in one answer)
discord-done = Done.
discord-schedule-as-drop = Schedule as drop
drop-form-title = Schedule as drop
drop-form-when = When
drop-form-when-example = tomorrow 09:00 · in 2h · 2026-12-01 09:00 · now
drop-form-options = Options (optional)
drop-form-options-example = every weekday to announcements tier pro
drop-form-expired = This form has expired. Use Schedule as drop on the message again.

## The console: its own controls, and how it shows what a platform would do.
console-drop-footer = (drop #{ $drop }: rate it with /rate { $drop } 1-5)
console-access-granted = { $who } now has { $tier } access
console-access-lost = { $who } loses { $tier } access
console-access-kept = { $who }'s { $tier } ended; another running tier gives the same access, so it stays
console-file-saved = file saved: { $path }
console-level-reward = { $who } earned the Level { $level } reward ({ $platform } { $id })
console-course-role = { $who } finished { $course } and earns its role ({ $platform } { $id })
console-bad-utf8 = That line was not valid UTF-8; the unreadable bytes are shown as �.
console-nothing-to-reply-to = { $who } has no message in #{ $chat } to reply to: /reply answers someone's last message here.
console-now-as = You are now { $name }.
console-now-in = You are now in #{ $chat }.
console-usage-name = Usage: { $control } NAME (letters, digits, - and _)
console-now-operator = { $name } is now an operator (console only).
console-usage-reply = Usage: /reply NAME TEXT
console-usage-wait = Usage: /wait DURATION (like 5s or 2m; at most 1h)
telegram-bad-message-id = the message to copy has no Telegram message id
telegram-bad-user-id = the account has no Telegram user id
discord-audit-role-given = Steward: { $what }
discord-audit-role-ended = Steward: { $what } ended
telegram-invite = Welcome to { $tier }! Your invite link to the members' chat (single use, valid 24 hours): { $link }
telegram-invite-open-dm = Telegram user { $user }: please open a private chat with me and press Start, so I can send you your { $tier } invite link.
console-lesson-footer = (lesson #{ $drop }: mark it done with /done { $drop }; rate it with /rate { $drop } 1-5)
