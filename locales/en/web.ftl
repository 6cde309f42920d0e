## /web and the web pages

web-off = The web pages are turned off in this community.
web-login-dm = Your login link for { $community }: { $url }
    It works once, for { $minutes } minutes. Don't share it: it logs in as you.
web-login-sent = I sent you a login link by direct message. It works once, for { $minutes } minutes.
web-login-dm-failed = I couldn't send you the login link: { $error }
web-login-wait = I just sent you a login link by direct message. For a new one, ask again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
}.
web-logout-done = { $count ->
    [0] You had no web session open.
    [one] Logged out of your web session.
   *[other] Logged out of your { $count } web sessions.
}
web-logout-member-done = { $count ->
    [0] { $name } had no web session open.
    [one] Ended { $name }'s web session.
   *[other] Ended { $name }'s { $count } web sessions.
}
web-logout-others-operator-only = Only operators can log out another member.

web-source-messages = Messages
web-source-daily = Daily check-ins
web-source-thanks = Thanks
web-source-learning = Learning, contributions and events
# The unit after a chart's figures.
web-xp-unit = XP
web-source-other = Grants and other

web-board-all = All time
web-board-week = This week
web-board-month = This month
web-board-season = Season { $name }
web-board-season-ended = Season { $name } (ended)

web-nav-home = Home
web-nav-leaderboards = Leaderboards
web-nav-seasons = Seasons
web-nav-questions = Questions
web-nav-me = My page
web-nav-dashboard = Dashboard
web-nav-logout = Log out
web-nav-login-hint = Log in: send /web to the bot in chat.

web-home-week = Top 10 this week
web-home-all-time = Top 10 of all time
web-home-drops = Coming up
web-home-no-drops = Nothing scheduled that you can see.
web-home-operators-only = Leaderboards here are for the community's operators.
web-home-members-only = Leaderboards are for members. Send /web to the bot in chat to log in.
web-board-empty = Nobody is on this board yet.
web-col-place = Place
web-col-member = Member
web-col-level = Level
web-col-xp = XP
web-search-label = Find a member
web-search-button = Search
web-search-results = { $count ->
    [one] One member matches “{ $query }”.
   *[other] { $count } members match “{ $query }”.
}
web-search-none = No member on this board matches “{ $query }”.
web-search-bad-title = Search not run
web-search-too-short = A search needs at least { $min } characters of a name.
web-search-too-long = A search can be at most { $max } characters long.
web-search-too-many-title = Too many searches
web-search-too-many = { $seconds ->
    [one] You have searched a lot just now. Wait a second, then search again.
   *[other] You have searched a lot just now. Wait { $seconds } seconds, then search again.
}
web-page-of = Page { $page } of { $pages } · { $total } members
web-page-prev = Previous
web-page-next = Next
web-seasons-title = Seasons
web-seasons-none = No season has been run yet.
web-season-running = running
web-season-ended = ended { $date }

web-member-level = Level { $level }
web-member-progress = { $into } / { $step } XP to level { $next }
web-member-xp = { $xp } XP in all
web-member-places = Places
web-member-unranked = unranked
web-member-place = #{ $place } ({ $score } XP)
web-member-streak = Daily streak: { $days ->
    [one] one day
   *[other] { $days } days
}
web-member-tier = Tier: { $tier }
web-member-no-tier = No tier
web-member-hidden = Hidden from public leaderboards: only you and the operators see this page.
web-member-chart = XP by source, last 12 weeks
web-member-rated = Drops rated
web-member-rated-none = No ratings yet.
web-member-card = Rank card

web-login-failed-title = That link doesn't work
web-login-title = Log in
web-login-page = This is your login link. Press the button to log in on this device; the link then stops working.
web-login-button = Log in
web-login-failed = Login links work once and for 10 minutes. Send /web to the bot in chat for a new one.
web-need-login-title = Please log in
web-need-login = This page is for members. Send /web to the bot in chat and open the link it sends you.
web-not-found-title = Not found
web-not-found = There is nothing here, or it isn't yours to see.
web-forbidden-title = Operators only
web-forbidden = This page is for the community's operators.
web-bad-form-title = The form was out of date
web-bad-form = The form was out of date. Go back, reload the page and try again.
web-bad-query-title = This link is not right
web-bad-query = Part of this address after “?” could not be read: a page number must be a whole number from 1, a date must be written YYYY-MM-DD. Check the link, or start again from the home page.
web-bad-address-title = No such address
web-bad-address = This address names something by its number (a member, a season), and what it has there is not one. Check the link, or start again from the home page.
web-bad-form-data-title = The form could not be read
web-bad-form-data = The form arrived incomplete or in a shape this page does not take. Go back, reload the page and send it again.
web-method-title = Not done this way
web-method = This address does not take that kind of request. Open it as a link, or use the button on its page.
web-bad-range-title = That range cannot be shown
web-cross-site-title = Sent from another site
web-cross-site = This form was sent from another site's page, so it was not accepted. To log in, open the link the bot sent you and press the button there.
web-error-title = Something went wrong
web-error = Something went wrong on our side. Please try again in a moment.

web-dash-community = Community
web-dash-members = { $count ->
    [one] One member
   *[other] { $count } members
}
web-dash-database = Database: { $megabytes } MB
web-dash-database-kb = Database: { $kilobytes } kB
web-dash-memberships = Memberships
web-dash-no-tiers = No tiers are configured.
web-dash-deliveries = Drop deliveries
web-dash-no-deliveries = No drop has been delivered yet.
web-dash-range-bad-date = A date must be written YYYY-MM-DD, like 2026-11-30.
web-dash-range-backwards = The range ends before it starts.
web-dash-range-too-long = A range can be at most { $days } days.
web-dash-range-instead = Showing the last 30 days instead.
web-csv-range-again = Choose the range again on the dashboard and download the file from there.
web-dash-from = From
web-dash-to = to
web-dash-show = Show
web-dash-last-days = Last { $days } days
web-dash-csv = Download as CSV
web-dash-activity = Activity
web-dash-mean-dau = Active members a day (mean)
web-dash-stickiness = Daily ÷ 30-day active (mean)
web-dash-messages-total = Messages
web-dash-new-total = New members
web-dash-spent-total = Points spent
web-dash-no-activity = Nobody was active in this range.
web-dash-active-per-day = Active members per day
web-dash-new = New
web-dash-returning = Returning
web-dash-messages-per-day = Messages per day
web-dash-xp-per-day = XP by source per day
web-dash-source-message = Messages
web-dash-source-daily = Daily check-ins
web-dash-source-thanks = Thanks
web-dash-source-grant = Grants
web-dash-source-learning = Lessons
web-dash-source-course = Course bonuses
web-dash-source-contribution = Contributions
web-dash-source-event = Events
web-dash-source-answer = Accepted answers
web-dash-index = Activity index per week
web-dash-index-defined = f1 = a1·ln U + a2·ln T, where U is the mean number of days an active member was active that week and T the mean messages per active member per day. a1 = { $a1 } and a2 = { $a2 } (analytics.index_a1 and index_a2). A higher f1 is a livelier week.
web-dash-index-short = f1
web-dash-week = Week
web-dash-active = Active
web-dash-days-per-member = U (days)
web-dash-messages-per-member-day = T (messages)
web-dash-monthly = Active members per calendar month
web-dash-cohorts = Weekly retention by first week
web-dash-cohorts-defined = Each row is the members first seen in one week; column +N is the share of them active N weeks later.
web-dash-cohort = First seen
web-dash-cohort-size = Members
web-dash-content = Content quality
web-dash-drops-total = Drops
web-dash-reach = Reach
web-dash-ratings = Ratings
web-dash-community-mean = Mean rating, all drops
web-dash-drops-per-week = Drops per week
web-dash-failed = Failed
web-dash-missed = Missed
web-dash-no-drops = No drop was first delivered in this range.
web-dash-bayes-defined = The Bayesian mean blends a drop's ratings with { $weight } ratings at the community's mean, so a few votes do not outrank many.
web-dash-best = Best rated
web-dash-worst = Lowest rated
web-dash-drop = Drop
web-dash-first-sent = First sent
web-dash-mean = Mean
web-dash-bayes = Bayesian mean
web-dash-rating-rate = Rated by
web-dash-tier = Tier
web-dash-running = Running
web-dash-expiring = Expiring in the next 7 days
web-dash-none-expiring = None.
web-dash-membership-weeks = Membership changes per week
web-dash-action-grant = Grants
web-dash-action-extend = Renewals
web-dash-action-redeem = Redemptions
web-dash-action-expire = Expiries
web-dash-action-revoke = Revocations
web-dash-revenue = Revenue
web-dash-revenue-none = No payments in this range. Plans on sale are set in [[plans]] (docs/payments.md).
web-dash-currency = Currency
web-dash-gross = Paid
web-dash-refunded = Refunded
web-dash-net = Net
web-dash-new-paid = New paying
web-dash-renewals = Renewals
web-dash-refunds = Refunds
web-dash-renewing = Subscriptions renewing now: { $count }; stopped renewing in this range: { $churned }
web-dash-mrr = monthly recurring: { $amount }
web-dash-revenue-defined = Amounts are in each currency's own units (Telegram Stars: ⭐), in the CSV too; currencies are never added together.

## Rank cards (/rank card, /members/ID/card.png)
card-level = Level
card-xp = XP
card-total = Total
card-all-time = All time
card-this-week = This week
card-streak = Streak
card-days = { $days ->
    [one] day
   *[other] days
}
card-unranked = unranked
card-group-separator = ,
card-caption = Rank card of { $name }
card-unavailable = Rank cards can't be drawn here right now; /rank shows the same in text. The operators have been told.
card-unavailable-operators = Rank cards cannot be drawn on this server: { $cause }. docs/rank-card.md says which fonts to install.
web-refused-title = That did not work
web-plans-title = Buy a plan
web-pay-by-card = Pay by card
web-portal-line = You pay by card: update the card or see your invoices on Stripe.
web-portal-button = Manage card
web-portal-none = You have no card subscription to manage. /plans lists what you can buy.
web-dash-trials = Free trials begun in this range: { $trials }; of them paid since: { $paid }
web-dash-feedback = Feedback
web-dash-week-label = { $year }-W{ $number ->
        [1] 01
        [2] 02
        [3] 03
        [4] 04
        [5] 05
        [6] 06
        [7] 07
        [8] 08
        [9] 09
       *[other] { $number }
    }
web-dash-month-label = { $year }-{ $number ->
        [1] 01
        [2] 02
        [3] 03
        [4] 04
        [5] 05
        [6] 06
        [7] 07
        [8] 08
        [9] 09
       *[other] { $number }
    }
web-dash-dau = Daily active
web-dash-wau = Active in the last 7 days
web-dash-mau = Active in the last 30 days
web-dash-wau-end = Active in the 7 days to the range's end
web-dash-mau-end = Active in the 30 days to the range's end
web-dash-stickiness-week = Daily ÷ 7-day active (mean)
web-dash-commands-total = Commands
web-dash-rolling = Daily, 7-day and 30-day active members
web-dash-rolling-defined = Each point counts distinct members who wrote a message or a command in a community chat on that day, in the 7 days, or in the 30 days ending on it (the community's days).
web-dash-deliveries-sent = Deliveries
web-dash-done-rate = Done by
web-dash-reach-defined = Reach counts distinct members: those a drop was sent to by DM, and those who rated it or marked it done after seeing it in a chat. "Rated by" and "Done by" are shares of the reach; deliveries count every post and DM, repeats included.

## The subscriber list (/dashboard/members)
web-subs-title = Subscribers
web-subs-link = Subscribers: every member who holds or held a tier, with actions
web-subs-back = ← Dashboard
web-subs-back-list = ← Subscribers
web-subs-back-member = Back to { $name }
web-subs-search = Name, handle or #ID
web-subs-count = { $count ->
    [one] One membership
   *[other] { $count } memberships
}
web-subs-sort = Order:
web-subs-order = { $order ->
        [ending] ending soonest
        [name] name
        [tier] tier
        [started] latest started
       *[other] { $order }
    }
web-subs-none = No member holds or held a tier that matches.
web-subs-member = Member
web-subs-state = State
web-subs-provider = Paid through
web-subs-renews = Renews
web-subs-until = Until
web-subs-started = Started
web-subs-paid = Paid in all
web-subs-yes-no = { $yes ->
        [true] yes
       *[other] no
    }
web-subs-state-word = { $state ->
        [running] running
       *[other] ended
    }
web-subs-provider-name = { $provider ->
        [telegram_stars] Telegram Stars
        [stripe] card (Stripe)
        [discord_sku] Discord
        [none] granted or redeemed
       *[other] { $provider }
    }
web-subs-lifetime = lifetime
web-subs-memberships = Memberships
web-subs-no-memberships = This member holds no tier and never did.
web-subs-revoke = End it…
web-subs-give = Grant or extend a tier
web-subs-term = For
web-subs-grant = Grant…
web-subs-extend = Extend…
web-subs-term-help = A term is written like 30d, 12w, 1d 12h, or lifetime. Extend adds to a running membership; grant also starts one.
web-subs-payments = Payments
web-subs-no-payments = No payments.
web-subs-day = Day
web-subs-plan = Plan
web-subs-kind = Kind
web-subs-amount = Amount
web-subs-kind-word = { $kind ->
        [payment] payment
        [renewal] renewal
        [refund] refund
        [failure] failed renewal
        [mismatch] paid the wrong price
       *[other] { $kind }
    }
web-subs-refund = Refund…
web-subs-term-missing = Say for how long, like 30d or lifetime.
web-subs-tier-missing = Choose a tier.
web-subs-payment-missing = Choose a payment to refund.
web-subs-action-unknown = That is not an action this page offers: grant, extend, revoke or refund.
web-subs-confirm-title = Are you sure?
web-subs-done-title = Done
web-subs-confirm = Yes, do it
web-subs-cancel = Cancel
web-subs-confirm-grant = Grant { $name } { $tier } for { $term }? They get its access at once and a DM, and the membership ledger records it as yours.
web-subs-confirm-extend = Extend { $name }'s { $tier } by { $term }? They are told by DM, and the membership ledger records it as yours.
web-subs-confirm-revoke = End { $name }'s { $tier } now? They lose its access at once and are told by DM.
web-subs-confirm-revoke-all = End every tier { $name } holds now? They lose the access at once and are told by DM.
web-subs-confirm-refund = Refund payment #{ $id } ({ $amount }) to { $name }? The provider gives the money back, and what it paid for ends.

## Segments and broadcasts (/dashboard/segments)
web-seg-title = Segments
web-seg-link = Segments: members at risk, upgrade candidates, lapsed; broadcast to them
web-seg-intro = Members grouped by what an operator might do for them. Each page lists the members and has a form to send them all a DM.
web-seg-back = ← Segments
web-seg-name = { $segment ->
        [at-risk] At risk
        [upgrade] Upgrade candidates
        [lapsed] Lapsed
        [active] Active
        [all] Everyone
       *[other] { $segment }
    }
web-seg-defined = { $segment ->
        [at-risk] Members holding a tier that ends or renews within 7 days who have not been active for analytics.at_risk_days days (default 14).
        [upgrade] Members without a tier who were active in at least 3 of the last 4 weeks.
        [lapsed] Members without a tier whose last one ended in the last 30 days.
        [active] Members active (a message or a command in a community chat) in the last 30 days.
       *[other] Every member.
    }
web-seg-tier-defined = Members holding { $tier } now.
web-seg-count = { $count ->
    [one] One member
   *[other] { $count } members
}
web-seg-last-active = Last active
web-seg-broadcast = Send them a DM
web-seg-broadcast-help = Every member of this segment gets it by DM on each platform they are linked on, except those who sent /broadcasts off; at most 2,000 characters. A text that is a broadcast-… key (broadcast-renewal-soon, broadcast-we-miss-you, broadcast-come-back, broadcast-upgrade-invite) reads in each member's language.
web-seg-send = Send…
web-seg-confirm = Send this to { $count ->
    [one] the one member
   *[other] the { $count } members
} of { $segment } by DM?
web-seg-follow = How far it has gone
web-seg-status-title = Broadcast #{ $id }

## The objectives panel and revenue figures (/dashboard)
web-obj-title = The three objectives, week by week
web-obj-defined = f1 is the activity index, f2 the content's quality (the Bayesian mean of the ratings of the drops first delivered that week, each weighted by the members it reached), f3 the net revenue of the week. Each is scored against the weeks shown: 0 is an average week, +1 one standard deviation better (each currency is scored on its own and the scores averaged). The sum weighs them { $w1 }, { $w2 } and { $w3 } (analytics.weight_f1, weight_f2, weight_f3). docs/analytics.md defines every figure.
web-obj-f1 = f1 activity
web-obj-f2 = f2 content quality
web-obj-f3 = f3 revenue
web-obj-total = Sum
web-obj-scores = Scores f1 / f2 / f3
web-obj-moved = What moved them
web-obj-event = Event: { $name }
web-obj-plan = { $plan }: { $count } paid
web-dash-refund-rate = Refund rate
web-dash-arpu = Per paying member
web-dash-churn-rate = churn rate { $rate }
web-dash-lifetime = Paid lifetime (all time)
web-dash-paying-members = Paying members
web-dash-lifetime-days = Mean days paid
web-dash-lifetime-value = Mean paid (lifetime value)
web-dash-recurring-trend = Recurring revenue per week
web-dash-recurring-defined = What renewing plans brought in over the 30 days to each week's end, less refunds: a monthly figure, in each currency's units.
web-dash-funnel = From new member to paying
web-dash-funnel-new = New members in the range
web-dash-funnel-trials = Began a free trial
web-dash-funnel-trials-paid = Paid after the trial
web-dash-funnel-paid = Began a paid membership
web-dash-funnel-defined = Each step's share is of the step above it; "began a paid membership" and "came by an invite" are of the new members, "paying members brought by an invite" of those who began a paid membership. Trials and payments are counted when they fall in the range, whoever made them.

## Channels and hours (/dashboard)
web-dash-channels = Chats
web-dash-channel = Chat
web-dash-channel-active = Active a day (mean)
web-dash-channel-member-days = Member-days
web-dash-hours = Chat lines by hour of the week
web-dash-hours-defined = Chat lines written in each hour of each weekday over the range, in the community's timezone (community.timezone): the darker, the busier. Drops posted at busy hours are seen sooner.
web-dash-weekday = { $day ->
        [0] Mon
        [1] Tue
        [2] Wed
        [3] Thu
        [4] Fri
        [5] Sat
       *[6] Sun
    }

## Top contributors (/dashboard/contributors)
web-top-title = Top contributors
web-top-link = Top contributors of this range: XP earned, thanks received, submissions accepted
web-top-xp = XP earned
web-top-thanks = Thanks received
web-top-submissions = Submissions accepted
web-top-none = Nobody in this range.
web-top-defined = XP earned counts what taking part paid in the range (messages, check-ins, thanks, lessons, courses, contributions, events, grants), not imported or removed XP. Thanks count the thanks received on the range's days; submissions, those approved in it. Hidden members are listed here: the page is the operators'.
