## /daily. $wait is a span (span-* keys), $opens a date and time.
daily-already = You've already checked in today. The next check-in opens in { $wait }, at { $opens }.
daily-claimed = Checked in: +{ $xp } XP and +{ $points ->
        [one] 1 point
       *[other] { $points } points
    }. Streak: { $streak ->
        [one] 1 day
       *[other] { $streak } days
    }. Balance: { $balance ->
        [one] 1 point
       *[other] { $balance } points
    }.
# A check-in after a missed day: $broken is the length of the streak that ended.
daily-claimed-streak-broken = { daily-claimed } Your { $broken }-day streak ended, as a day was missed; a new one starts today.

## /thanks and thanks words: posted to the chat.
thanks-given = { $giver } thanked { $name } (+{ $xp } XP for { $name }).
thanks-given-reason = { $giver } thanked { $name }: “{ $reason }” (+{ $xp } XP for { $name }).

## /points add|remove (operators). points-now is the member's totals afterwards.
points-now = now Level { $level }, { $xp } XP and { $balance ->
        [one] 1 point
       *[other] { $balance } points
    }
points-added = Added { $amount ->
        [one] 1 point
       *[other] { $amount } points
    } to { $name }: { points-now }.
points-removed = Removed { $amount ->
        [one] 1 point
       *[other] { $amount } points
    } from { $name }: { points-now }.
# Less than asked was there: $xp_removed and $points_removed are what was taken.
points-removed-all = Removed { $xp_removed } XP and { $points_removed ->
        [one] 1 point
       *[other] { $points_removed } points
    } from { $name } (all they had): { points-now }.

## /history. $xp and $points are signed (+22, -5), $count is $points without its sign; $day is a date, $time HH:MM.
history-others-operator-only = Only operators can see someone else's history. /history shows yours.
history-empty = { $name } has no point changes yet.
history-header = Latest point changes for { $name }:
history-line = { $day } { $time } { $xp } XP, { $points } { $count ->
        [one] point
       *[other] points
    }: { $why }
history-why-messages = chat messages on { $day }
history-why-messages-undated = chat messages on that day
history-why-daily = daily check-in
history-why-thanks = thanks from { $actor }
history-why-grant = granted by { $actor }
history-why-remove = removed by { $actor }
history-why-link = accounts linked
history-why-rollup = older day-by-day awards, summed
history-why-import = imported from { $source ->
        [mee6] MEE6
       *[other] another bot
    }
history-why-redeem = redeemed { $reward }
history-why-redeem-unknown = redeemed a reward
history-why-other = other
# The reason an operator or a thanking member gave.
history-why-with-reason = { $why } (“{ $reason }”)
# The actor of a change whose member is gone.
history-actor-unknown = an operator

## Level-ups: posted in the chat where they happened, or sent by DM.
level-up-public = 🎉 { $name } reached Level { $level }!
level-up-dm = 🎉 You reached Level { $level }!
# To operators: a platform refused a level reward (a Discord role).
level-up-reward-failed = Could not give { $name } ({ $account }) the Level { $level } reward: { $error }
history-why-lesson = lesson #{ $lesson } done
history-why-course = course { $course } finished
history-why-contribution = submission #{ $id } approved
history-why-referral = someone you invited joined and paid
history-why-event = attended event #{ $id }
history-why-answer = your answer to question #{ $id } was accepted
history-why-bounty = bounty of question #{ $id }
