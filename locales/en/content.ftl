## Drops: the labels around a drop's own text (never translated: the operator wrote it).
# One line per drop: "#12 2026-12-01 09:00 (Europe/Berlin), every mon [pro]: New lesson".
drop-line = #{ $id } { $next }{ $repeat }{ $gate }: { $text }
drop-line-done = finished
drop-line-cancelled = cancelled
# A stored rule, short: $kind is day, weekday, days ($days), month ($day) or cron ($expr).
drop-line-repeat = , every { $kind ->
        [day] day
        [weekday] weekday
        [days] { $days }
        [month] month { $day }
       *[cron] { $expr }
    }
# A rule with its time of day ($time, HH:MM), as a scheduled drop's reply reads it.
drop-rule = { $kind ->
        [day] every day at { $time }
        [weekday] every weekday at { $time }
        [days] every { $days } at { $time }
        [month] on day { $day } of every month at { $time }
       *[cron] on the cron schedule "{ $expr }"
    }
# A weekday by its short name (mon … sun); several join with the separator.
drop-weekday = { $day }
drop-weekday-separator = {","}
# Where a drop goes, by stored target ($platform: console, discord, telegram).
drop-target-dm = a DM to each member of the tier
drop-target-chat = { $platform ->
        [console] #{ $chat } on the console
        [discord] Discord channel { $chat }
       *[telegram] Telegram chat { $chat }
    }

## /drop WHEN TEXT (operators)
drop-tier-outside = Tier drops go to { $tier }'s gated channels ({ $channels }) or by DM; `{ $channel }` is not one of them.
drop-no-gated-channels = none configured
drop-unknown-channel = There is no channel `{ $channel }`. Channels: { $channels }.
drop-no-channels = none configured ([channels.NAME] in steward.toml)
drop-rule-never-runs = That rule never runs.
drop-needs-text = Give the text to post, or reply to the message to schedule.
drop-where-dm = by DM to { $tier } members and above
drop-where-here = here
drop-where-channels = to { $channels }
drop-scheduled = Scheduled drop #{ $id } for { $at }{ $repeat }, { $where }{ $gate }. Preview: /drop show { $id }. Cancel: /drop cancel { $id }.{ $waits }
drop-scheduled-repeat = , then { $rule }
drop-scheduled-gate = , { $tier } members and above only
drop-scheduled-undriven = {" "}Its { $platforms } posts wait for `steward run`: this process does not drive { $count ->
        [one] it
       *[other] them
    }.

## /drop list|show|cancel
drop-list-empty = No drops are scheduled. Schedule one with /drop WHEN TEXT.
drops-upcoming = Upcoming drops:
drop-unknown = There is no drop #{ $id }. /drop list shows the scheduled ones.
drop-preview = Preview of { $line }
drop-preview-targets = Targets: { $targets }
drop-preview-copy = (A copy of message { $message } in { $platform }:{ $chat }, with its formatting and media where the platform allows.)
drop-cancel-gone-out = Drop #{ $id } has already gone out in full; there is nothing left to cancel. /drop status { $id } shows where it went.
drop-cancel-again = Drop #{ $id } was already cancelled.
drop-cancelled-unsent = Cancelled drop #{ $id }; nothing of it was posted.
drop-cancelled = Cancelled drop #{ $id }: no further posts. { $gone ->
        [one] { $gone } delivery had already gone out or was under way.
       *[other] { $gone } deliveries had already gone out or were under way.
    }

## /drop status|stats
drop-status-nothing-yet = Nothing delivered yet: every target is pending until the first occurrence.
drop-status-no-one = It fell due with no one to reach (no member of its tier then), so nothing went out.
drop-status-line = { $at } { $target }: { $detail }
drop-status-at = { $date } { $time }
drop-state = { $state ->
        [pending] pending
        [sending] sending
        [sent] sent
        [failed] failed
        [missed] missed
        [cancelled] cancelled
       *[other] { $state }
    }
drop-status-retry = pending (retry { $attempt } at { $at }; last error: { $error })
drop-status-error = { $state } ({ $error }, after { $attempts } attempt(s))
drop-stats-none = Drop #{ $id } has no ratings yet.
drop-stats = Drop #{ $id }: { $total ->
        [one] { $total } rating
       *[other] { $total } ratings
    }, average { $average } of 5 ({ $spread }).
drop-stats-stars = { $stars ->
        [one] { $stars } star
       *[other] { $stars } stars
    }: { $count }

## /drops and /rate (members)
drops-none = No upcoming drops for you right now.
drops-more = … and { $count } more later; they show here as these go out.
rate-cancelled = Drop #{ $id } was cancelled before it went out; there is nothing to rate.
rate-not-yet = Drop #{ $id } has not reached you yet; rate it once it has.
rate-done = Thanks! You rated drop #{ $id } { $stars } of 5.

## Delivery: reports to operators, and why a delivery failed (shown in /drop status).
delivery-missed-one = Drop #{ $id } due at { $at } was missed: the bot was down longer than drops.catch_up ({ $limit }), so it was not posted.
delivery-missed-all = Drop #{ $id } fell behind while the bot was down: { $count } occurrences from { $from } were not posted, as even the latest was more than drops.catch_up ({ $limit }) late.
delivery-missed-some = Drop #{ $id } fell behind while the bot was down: { $count ->
        [one] { $count } occurrence
       *[other] { $count } occurrences
    } from { $from } { $count ->
        [one] was
       *[other] were
    } not posted; only the latest, at { $latest }, was.
delivery-failed = Drop #{ $id } could not be delivered to { $target }: { $error }. /drop status { $id } shows every target.
delivery-error-drop-gone = the drop is gone
delivery-error-no-account = the member has no account to DM
delivery-error-undriven = waits for a Steward process that drives { $platform }
drop-tags-line = Tags: { $tags }
drop-tags-set = Drop #{ $id } is now tagged { $tags }.
drop-tags-cleared = Drop #{ $id } has no tags now.
drops-tagged = Drops tagged { $tag }:
drops-tag-none = No drop you can see is tagged { $tag }.

broadcast-queued = Broadcast #{ $id } to { $segment }: { $accounts ->
    [one] one account
   *[other] { $accounts } accounts
} will get it by DM, paced to each platform's limits. /broadcast status { $id } says how far it has gone; you will be told when it is done.
broadcast-empty = Broadcast #{ $id }: nobody in { $segment } gets broadcasts right now, so nothing will be sent.
broadcast-unknown = There is no broadcast #{ $id }.
broadcast-status = Broadcast #{ $id } to { $segment }: { $sent } of { $total } sent, { $failed } failed, { $skipped } skipped (turned broadcasts off since), { $remaining } to go.
broadcast-eta = About { $seconds } s left at the pace so far.
broadcast-finished = Broadcast #{ $id } to { $segment } is done: { $sent } sent, { $failed } failed, { $skipped } skipped.
broadcasts-off = You will get no more broadcasts from the operators. Announcements of your tier's content still come. /broadcasts on to get them again.
broadcasts-on = You will get the operators' broadcasts again. /broadcasts off to stop them.
segment-broadcast-blank = The message is empty: write what the members should read (invisible characters alone do not count).
broadcast-renewal-soon = Your membership renews within a week. We have missed you lately: is there anything we could do better? Reply here, we read every message. (/broadcasts off to get no more of these.)
broadcast-we-miss-you = We have not seen you in the community for a while. New drops and events are waiting: /drops shows what is coming. (/broadcasts off to get no more of these.)
broadcast-come-back = Your membership has ended. If you would like to come back, /plans shows what is on offer. (/broadcasts off to get no more of these.)
broadcast-upgrade-invite = You have been with us almost every week: thank you! /plans shows what a membership adds. (/broadcasts off to get no more of these.)
drop-media-header = { $count ->
    [one] 1 file:
   *[other] { $count } files:
}
drop-media-line = · { $kind }: { $name } ({ $mime }, { $size })
drop-media-size = { $unit ->
    [bytes] { $value } bytes
    [kb] { $value } kB
   *[mb] { $value } MB
}
drop-media-size-unknown = size unknown
drop-media-kind = { $kind ->
    [photo] photo
    [video] video
    [audio] audio
    [animation] animation
    [voice] voice message
   *[document] document
}
