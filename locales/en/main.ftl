# The locale itself: how members name it after /language (comma-separated, any case).
language-name = English
language-aliases = English, eng, 英文, 英语

## Dates, times and spans. Parts: $year, $month, $day (numbers), $time (HH:MM, 24 h), $zone
## (the community's IANA timezone). English writes ISO dates, so single digits get a zero.
datetime = { date } { $time } ({ $zone })
date = { $year }-{ $month ->
        [1] 01
        [2] 02
        [3] 03
        [4] 04
        [5] 05
        [6] 06
        [7] 07
        [8] 08
        [9] 09
       *[other] { $month }
    }-{ $day ->
        [1] 01
        [2] 02
        [3] 03
        [4] 04
        [5] 05
        [6] 06
        [7] 07
        [8] 08
        [9] 09
       *[other] { $day }
    }
span-seconds = { $s }s
span-minutes = { $m }m
span-hours = { $h }h
span-hours-minutes = { $h }h { $m }m

## Replies every command may give.
error-internal = Something went wrong on our side; please try again in a moment.
command-unknown = Unknown command /{ $name }. Send /help to see what you can use.
command-operator-only = Only operators can use /{ $name }. Send /help to see the commands you can use.
command-usage = { $problem }
    Usage: { $usage }

## /help
help-header = { $community }: commands you can use
help-line = /{ $name } - { $summary }
help-operators = Operators: { $commands }
help-footer = How to use one: /help NAME, like /help leaderboard.
help-unknown = There is no /{ $name } command. /help lists them all.
help-command = /{ $name }: { $summary }{ $operators ->
        [yes] {" "}(operators)
       *[no] {""}
    }
help-subcommand = · { $name } - { $summary }

## /language
language-current = Steward speaks { $name } to you{ $source ->
        [chosen] , as you chose.
        [platform] , as your app is set to.
       *[community] , the community's language.
    }
    To change it: /language { $choices } (or /language auto to follow your app).
language-set = From now on Steward speaks English to you. (/language auto follows your app again.)
language-auto = Steward now follows your app's language, or the community's when your app does not say.
language-unknown = Steward does not speak “{ $choice }”. Choose one of: { $choices }
