## /rank. $place-like variables are numbers; 0 means not ranked (no score on that board).
rank-summary = { $name }: Level { $level }, { $xp } XP ({ $xp_to_next } XP to Level { $next_level })
rank-places = Rank: { $all_time ->
        [0] unranked
       *[other] #{ $all_time }
    } all time, { $week ->
        [0] unranked
       *[other] #{ $week }
    } this week ({ $week_xp } XP)
rank-balance = Balance: { $balance ->
        [one] 1 point
       *[other] { $balance } points
    }
rank-hidden-note = Hidden from public leaderboards (/privacy show to appear again).
rank-hidden = { $name } hides from the leaderboards.

## /leaderboard. $title is one of the board-title-* texts.
board-title-all = all time
board-title-week = week { $week }
board-title-this-week = this week
board-title-month = month { $month }
board-title-this-month = this month
board-title-season = season “{ $name }”
board-title-season-ended = season “{ $name }” (ended)
board-title-season-final = season “{ $name }”, final top 10
board-header = Leaderboard: { $title } (page { $page } of { $pages })
board-empty = Leaderboard: { $title }
    No one has scored here yet. Chatting, /daily and /thanks earn XP.
board-past-end = Leaderboard: { $title }
    There { $pages ->
        [one] is only 1 page
       *[other] are only { $pages } pages
    }.
# All time: the score is the member's XP.
board-line-all-time = #{ $place } { $name }: Level { $level }, { $score } XP
# Period boards: the XP earned in the period, then the member's level.
board-line = #{ $place } { $name }: { $score } XP (Level { $level })
board-closed = That leaderboard has just closed.

## /privacy
privacy-hidden = You're now hidden from public leaderboards. /rank still shows you your own place.
privacy-shown = You're shown on the leaderboards again.

## /season. $ends is a date and time in the community's timezone.
season-end-date-passed = That end date has already passed; pick a later one.
season-still-running = Season “{ $name }” is still running; end it first with /season end.
season-name-taken = There was already a season called “{ $name }”; pick another name.
season-started-until = Season “{ $name }” has started: XP earned from now on counts towards it. It runs until { $ends }. See the table with /leaderboard season.
season-started-open = Season “{ $name }” has started: XP earned from now on counts towards it. It runs until an operator sends /season end. See the table with /leaderboard season.
season-not-running = No season is running. Start one with /season start NAME.
season-none-yet = No season has run yet. Operators start one with /season start NAME.
season-unknown = There is no season called “{ $name }”.
# Posted in the season's chat; $table is the final top 10 (board-* lines).
season-ended = Season “{ $name }” has ended. Congratulations to everyone who took part!
    { $table }
