# What was wrong with a command as typed. Each is the first line of a usage reply
# (`command-usage` adds the usage line). A variable in `backquotes` is what the member typed,
# shortened; command words (add, grant, every, to, ...) are typed as they are.

## Arguments of the commands.
parse-privacy-choice = Say what to do: hide, show, export or delete.
parse-privacy-one-word = That takes no more words.
parse-privacy-delete-one-step = Say either confirm or end, not both.
parse-language-one = Name one language.
parse-link-code-one-word = A link code is one word.
parse-start-one = /start takes at most one word.
parse-reward-id-invalid = That is not a reward id; /shop lists them.
parse-reward-one = Name one reward from /shop.
parse-plan-one = Name one plan from /plans.
parse-subscription-cancel = Write /subscription to see your plans, or /subscription cancel to stop renewal.
parse-payment-id = Give the payment's number from /payments, like /payments refund 12.
# $max: the longest reason allowed; $length: this one's length (characters).
parse-reason-too-long = A reason can be at most { $max } { $max ->
        [one] character
       *[other] characters
    }; this one has { $length }.
parse-no-arguments = This command takes no arguments.
parse-web-args = Write /web for a login link, or /web logout to end your web sessions (operators: /web logout @member).
parse-member-at-most-one = Name at most one member.
parse-member-name-invalid = `{ $word }` is not a member name.
parse-member-missing = Name the member (or reply to their message).
parse-amount-range = The amount must be between 1 and { $max }.
parse-amount-invalid = `{ $word }` is not a whole number.
parse-points-action-missing = Say add or remove.
parse-points-member-and-amount = Name the member and the amount.
parse-points-amount-missing = Give the amount.
parse-points-action-invalid = `{ $word }` is not add or remove.
parse-page-invalid = The page must be a number from 1.
parse-board-invalid = Choose all, week, month or season.
parse-season-name-length = Give the season a name of 1 to { $max } { $max ->
        [one] character
       *[other] characters
    }.
parse-season-action = Say start NAME or end.
parse-rate-args = Give the drop id and 1 to 5 stars.
parse-rate-stars-invalid = `{ $word }` is not 1 to 5 stars.
parse-member-action-missing = Say grant, extend, revoke or list.
parse-member-grant-args = Name the member, the tier and the duration (30d, 12w or lifetime).
parse-member-revoke-args = Name the member, and the tier if only one should go.
parse-member-list-args = Name at most one tier.
parse-member-action-invalid = `{ $word }` is not grant, extend, revoke or list.
parse-date-too-far = `{ $date }` is too far ahead: pick a date before 3000-01-01.
parse-date-invalid = `{ $word }` is not a date like 2026-12-31.
parse-date-missing = Give the end date like 2026-12-31.

## Words members may type for an argument, comma-separated, any case; never shown. The words of
## every locale are accepted, whatever the member's language.
parse-word-board-all = all
parse-word-board-week = week
parse-word-board-month = month
parse-word-board-season = season
parse-word-privacy-hide = hide
parse-word-privacy-show = show
parse-word-privacy-export = export
parse-word-privacy-delete = delete, erase
parse-word-confirm = confirm
parse-word-end-memberships = end
parse-word-rank-card = card
parse-word-cancel = cancel
parse-word-refund = refund
parse-word-web-logout = logout
# A reply made only of one of these thanks the replied-to member (config points.thanks_words replaces them all).
parse-word-thanks = +1, thanks, thank you, thx, ty, cheers

## /drop: the grammar (`/drop WHEN [every RULE] [to TARGET] [tier TIER] TEXT`).
drop-grammar-id-invalid = `{ $word }` is not a drop id like #12.
drop-grammar-id-one = Give one drop id, like #12.
drop-grammar-to-needs-channel = `to` needs a channel name, like to announcements.
drop-grammar-tier-needs-id = `tier` needs a tier id, like tier pro.
drop-grammar-text-missing = Give the text to post, or reply to the message to schedule.
drop-grammar-text-too-long = The text is longer than { $max } { $max ->
        [one] character
       *[other] characters
    }.
drop-grammar-every-needs-rule = `every` needs a rule: day, weekday, mon,thu, month 1 or a cron expression in quotes.
drop-grammar-every-month-needs-day = `every month` needs a day of the month, like every month 1.

## /drop: WHEN. $word is the word typed; $at a local date and time (2026-11-25 08:00).
drop-when-missing = Say when: now, in 2h, tomorrow 09:00, mon 18:30 or 2026-12-01 09:00.
drop-when-bad-time = `{ $time }` is not a time of day: use 00:00 to 23:59, like 09:00.
drop-when-day-needs-time = `{ $word }` needs a time after it, like { $word } 09:00.
drop-when-weekday-needs-time = `{ $word }` needs a time after it, like { $word } 18:30.
drop-when-in-needs-span = `in` needs a duration after it, like in 2h30m.
drop-when-invalid = `{ $word }` is not a time. Use now, in 2h30m, tomorrow 09:00, mon 18:30 or 2026-12-01 09:00.
drop-when-passed = { $at } has already passed; pick a time in the future.

## /drop: RULE, and how a rule reads after "then" in the reply to /drop. $time is HH:MM;
## $days the days as typed (mon,thu); $day a day of the month; $expr a cron expression.
drop-rule-month-day-invalid = `month { $day }` needs a day of the month from 1 to 31.
drop-rule-invalid = `{ $rule }` is not a rule: use day, weekday, days like mon,thu, month 1, or a cron expression in quotes.
# $fields: how many fields `$expr` has (not five).
drop-rule-cron-fields = A cron expression has five fields, minute hour day month weekday (like "0 9 * * 1-5"); `{ $expr }` has { $fields }. A minute is the shortest repeat.
drop-rule-cron-invalid = `{ $expr }` is not a valid cron expression: the five fields are minute (0-59), hour (0-23), day of the month (1-31), month (1-12) and weekday (0-6 or mon-sun), like "0 9 * * 1-5".

## Durations as typed (30d, 2h30m). $text is what was typed.
duration-invalid = `{ $text }` is not a duration like 30m, 2h30m, 7d or 12w.
duration-too-long = `{ $text }` is longer than 100 years.
duration-zero = `{ $text }` is no time at all.

## Units of a duration and the word for a membership without end, as members may type them:
## comma-separated, any case, never shown; every locale's are accepted. A number is written
## right before its unit (30d, 2h30m). A month counts 30 days, a year 365.
duration-word-seconds = s
duration-word-minutes = m
duration-word-hours = h
duration-word-days = d
duration-word-weeks = w
duration-word-months = mo
duration-word-years = y
duration-word-lifetime = lifetime

## /thanks (and thanks words) refused. $limit: thanks a member may give a day.
thanks-refused-self = You can't thank yourself.
thanks-refused-bot = Bots don't collect thanks.
thanks-refused-daily-limit = You've given all { $limit } thanks for today; more open tomorrow.
thanks-refused-already-today = You've already thanked them today.

## /link CODE refused. $platform: a platform's name (Discord, Telegram).
link-refused-unknown-code = That code is unknown or has expired. Send /link on your other account for a new one.
link-refused-same-platform = Use the code from an account on another platform; this one is on { $platform } too.
link-refused-own-code = That is your own code, sent to this account: send /link with it from your account on the other platform to join the two.
link-refused-already-linked = These accounts are already linked.
link-refused-platform-taken = Your member already has a { $platform } account linked. Each member links one account per platform.

## Accounts and chats written in config (`telegram:123`), as `steward check-config` reports
## them (in English). $written: the entry as written; $platform: the platform part.
id-platform-unknown = unknown platform `{ $platform }` (expected discord, telegram or console)
id-account-form = `{ $written }` should look like `telegram:ID`, `discord:ID` or `console:NAME`
id-account-no-id = `{ $written }` has no id after the colon
id-telegram-user = `{ $written }` is not a Telegram user id (a positive whole number, like telegram:123456789)
id-telegram-chat = `{ $written }` is not a Telegram chat id (a whole number; groups are negative, like telegram:-1001234567890)
id-discord-user = `{ $written }` is not a Discord user id (a positive number; copy it with Developer Mode on)
id-discord-channel = `{ $written }` is not a Discord channel id (a positive number; copy it with Developer Mode on)
id-console-name = `{ $written }` is not a console name (1 to 32 letters, digits, - or _)
id-console-chat = `{ $written }` is not a console chat name (1 to 32 letters, digits, - or _)
parse-course-id = “{ $word }” is not a course id: use one word of letters, digits, - or _ (up to 32), like rust-101.
parse-course-title-long = A course title has at most { $max } characters.
parse-course = Say what to do with the course: create ID TITLE, add ID LESSON, remove ID LESSON, tier ID [TIER|none] or stats ID.
parse-done = Name the lesson you finished by its number, like /done 12.
parse-feedback = Name the drop and say what you think, like /feedback 12 The example in part 2 does not compile.
parse-feedback-long = Feedback has at most { $max } characters.
tags-invalid = “{ $word }” is not a tag: a tag is one word of up to { $max } letters, digits, - _ + . or #.
tags-none-given = Give the tags as a comma-separated list, like tags rust,async.
tags-too-many = A drop carries at most { $max } tags.
drop-grammar-tags = Name the drop and its tags, like /drop tags 12 rust,async (or none to clear them).
parse-drops-tag = Give one tag, like /drops tag rust.
parse-recommend = Use /recommend for your picks, or /recommend weekly on (or off) for a weekly DM of them.
parse-help = Name one command, like /help leaderboard.
parse-submit = Write what you want to share after /submit, or reply to a message with /submit.
parse-submit-long = A submission has at most { $max } characters.
parse-submission-id = “{ $word }” is not a submission number; /review list shows them.
parse-subcommand-missing = /{ $command } needs a subcommand.
parse-subcommand-unknown = /{ $command } has no subcommand “{ $word }”.
parse-review = Use /review list, /review approve ID [WHEN] [to TARGET] [tags TAGS], or /review reject ID REASON.
parse-review-approve-text = Approval takes a time and clauses only, not text (“{ $text }”): the submission's own text is posted.
parse-review-reject-reason = Say why, for the author: /review reject ID REASON.
parse-event-id = “{ $word }” is not an event number; /event list shows them.
parse-event-create = Give the event a name, a start and an end, like /event create "Winter hackathon" 2026-12-05 10:00 2026-12-05 18:00 xp 200.
parse-event-name = An event's name has 1 to { $max } characters; quote it when it has spaces.
parse-event-end = Give the end after the start, like 2026-12-05 18:00 or in 3h.
parse-event-xp = xp takes a whole number from 0 to { $max }.
parse-event-extra = “{ $word }” is not part of /event create: after the end come only xp N, tier TIER and season.

parse-broadcast = Name a segment and the text: /broadcast at-risk Your renewal is next week, and we would love to hear from you.
parse-broadcast-long = A broadcast is at most { $max } characters, one message on every platform.
parse-broadcast-id = Give the broadcast's number, like /broadcast status 3.
parse-broadcasts = Say off or on: /broadcasts off.
segment-unknown = There is no segment `{ $segment }`. Segments: { $segments }.

parse-promo = Say what to do: /promo create, /promo list or /promo end CODE.
parse-promo-create = Write it like /promo create SPRING-25 pro-month percent 20 until 2027-03-31 uses 100, with one discount: percent N or price N (Stars).
parse-promo-code = A promo code is 3 to 24 letters, digits, - or _, like SPRING-25.
parse-promo-percent = The percent off is a whole number from 1 to 99, like percent 20.
parse-promo-price = The price is a whole number of Stars from 1 to 10000, like price 250.
parse-promo-uses = Uses is a whole number from 1, like uses 100.

parse-invite = Send /invite for your code, or /invite stats.

parse-gift = Name who gets it and the plan: /gift @alice pro-month, or /gift @alice pro-month anonymous.
parse-gift-code = Give the code, like /redeem_gift ABCD-EFGH-JKLM.
parse-team = Say what to do: /team, /team create NAME PLAN SEATS, /team renew, /team add @member or /team remove @member.
parse-team-create = Write it like /team create acme pro-team 5, or as an operator /team create acme pro-team 5 manager @member.
parse-team-name = A team's name is one word of at most { $max } characters that can be seen, like acme.
parse-team-seats = Seats is a whole number from 1 to { $max }, like 5.
parse-team-member = Name one member, like /team add @member.
parse-certificate = Write it like /certificate rust-101, or /certificate rust-101 as Ada Lovelace.
parse-certificate-name = The name to print is at most { $max } characters that can be seen, like /certificate rust-101 as Ada Lovelace.
parse-certificate-revoke = Write it like /certificate revoke ABCD-EFGH-JKLM-NPQR copied the exam, with a reason.
parse-ask = Write it like /ask How do I pin a future? #rust, or /ask … bounty 20 to offer points.
parse-ask-bounty = A bounty is a number of points from 1 to { $max }, like /ask How do I pin a future? bounty 20.
parse-accept = Reply to the answer with /accept, or write /accept 12 @member.
parse-questions = Write /questions, /questions open, /questions mine or /questions tag rust.
drop-grammar-file-needs-path = `file` needs the path of a file, like file slides.pdf (in quotes when it has spaces).
