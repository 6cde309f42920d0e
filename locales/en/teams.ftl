## Team seats: /team, /team create, /team add, /team remove

team-no-plans = No plan here sells seats. Operators mark one with seats = true in the config.
team-plan-unknown = Plan { $plan } does not sell seats. Plans that do: { $plans }.
team-manager-operators = Only an operator names another member as a team's manager. Leave out "manager @member" to manage it yourself.
team-stars-only = Plan { $plan } has no Stars price, so its seats are granted by an operator: ask one.
team-on-telegram = Seats are paid in Telegram Stars: send /team create to the bot on Telegram.
team-too-many-seats = That many seats do not fit one Stars invoice: at most { $most } at this price. Ask an operator for a bigger team.
team-name-taken = There is a team called { $team } already. Pick another name.
team-manages-one = { $name } already manages the team { $team }. A member manages one team at a time.
team-invoice-title = { $tier } team { $team }
team-invoice-description = { $tier } for { $seats } { $seats ->
        [one] seat
       *[other] seats
    }, { $term }, paid once
team-link = The payment for team { $team } ({ $seats } { $seats ->
        [one] seat
       *[other] seats
    }), in Telegram Stars: { $link }
team-paid = Thank you! Team { $team } runs { $until }, with { $seats } { $seats ->
        [one] seat
       *[other] seats
    }. Give one with /team add @member; /team shows who has one.
team-paid-twice = A payment (#{ $id }) came for team { $team }, which has ended or was replaced by a newer order: it gave nothing. Refund it with /payments refund { $id }.
team-created = Team { $team } is ready: { $tier } for { $seats } { $seats ->
        [one] seat
       *[other] seats
    }, { $until }, managed by { $name }.
team-manager-told = You manage the team { $team }: { $tier } for { $seats } { $seats ->
        [one] seat
       *[other] seats
    }, { $until }. Give a seat with /team add @member; /team shows your team.
team-renewed = Thank you! Team { $team } now runs { $until }.
team-lifetime = Team { $team } runs for life: there is nothing to renew.
team-ending-soon = Your team { $team } ends in { $left } ({ $at }). Renew it with /team renew, or its seats close then.
team-none = You manage no team and hold no seat. A team is bought with /team create NAME PLAN SEATS.
team-unpaid = Team { $team } is not running: it waits for its payment, or its time is up.
team-waiting-payment = Team { $team } waits for its payment: the link was sent to you by direct message.
team-full = Every seat of team { $team } is taken ({ $seats }). Free one with /team remove @member.
team-already-seated = { $name } has a seat in team { $team } already.
team-not-seated = { $name } has no seat in team { $team }.
team-seat-added = { $name } has a seat in team { $team } ({ $taken } of { $seats } taken) and has been told.
team-seat-freed = { $name }'s seat in team { $team } is free again ({ $free } free).
team-seat-given = You have a seat in the team { $team }: { $tier } { $until }. { $manager } manages the team and sees your learning progress (which courses you began and the lessons you marked done), nothing else.
team-seat-removed = Your seat in the team { $team } has ended. What you bought yourself is unchanged.
team-ended-seat = The team { $team } has ended, and with it the { $tier } your seat gave you.
team-ended-manager = Your team { $team } has ended: its { $seats } { $seats ->
        [one] seat is
       *[other] seats are
    } closed. Start a new one with /team create.
team-your-seat = You have a seat in the team { $team } ({ $tier }, { $until }), managed by { $manager }. The manager sees your learning progress: the courses you began and the lessons you marked done, nothing else.
team-view-header = Team { $team }: { $tier }, { $taken } of { $seats } seats taken, { $until }
team-view-empty = No seat is given yet: /team add @member.
team-view-member = • { $name }: { $progress }
team-view-member-none = • { $name }: no course begun
team-view-course = { $course } { $done }/{ $all }
checkout-team-gone = This invoice's team has ended or was replaced by a newer order. Send /team to see your team.
plan-team-only = Plan { $plan } is sold as team seats: /team create NAME { $plan } SEATS.
plan-price-stars-seat = { $stars } { $stars ->
        [one] Star
       *[other] Stars
    } a seat, with /team create
