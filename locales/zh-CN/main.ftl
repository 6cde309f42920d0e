# 本语言的名字，以及成员在 /language 后可以输入的叫法（逗号分隔，不区分大小写）。
language-name = 中文
language-aliases = 中文, 简体中文, 汉语, 普通话, cn, chinese

## 日期、时间和时长。
datetime = { date } { $time }（{ $zone }）
date = { $year }年{ $month }月{ $day }日
span-seconds = { $s } 秒
span-minutes = { $m } 分钟
span-hours = { $h } 小时
span-hours-minutes = { $h } 小时 { $m } 分钟

## 所有命令都可能给出的回复。
error-internal = 我们这边出了点问题，请稍后再试。
command-unknown = 没有 /{ $name } 这个命令。发送 /help 看看你能用哪些命令。
command-operator-only = /{ $name } 只有管理员能用。发送 /help 看看你能用哪些命令。
command-usage = { $problem }
    用法：{ $usage }

## /help
help-header = { $community } · 你可以使用的命令
help-line = /{ $name } — { $summary }
help-operators = 管理员命令：{ $commands }
help-footer = 查看某个命令的用法：/help 命令名，例如 /help leaderboard。
help-unknown = 没有 /{ $name } 这个命令。/help 会列出全部命令。
help-command = /{ $name }：{ $summary }{ $operators ->
        [yes] （管理员）
       *[no] {""}
    }
help-subcommand = · { $name } — { $summary }

## /language
language-current = 现在 Steward 用{ $name }和你交流{ $source ->
        [chosen] ，这是你自己选的。
        [platform] ，跟随你的客户端语言。
       *[community] ，这是社区的默认语言。
    }
    想换的话：/language { $choices }（发送 /language auto 则跟随客户端语言）。
language-set = 好的，之后 Steward 会用中文和你交流。（发送 /language auto 可改回跟随客户端语言。）
language-auto = 已改为跟随你的客户端语言；客户端没有提供语言时，使用社区的默认语言。
language-unknown = Steward 还不会说“{ $choice }”。可选：{ $choices }
