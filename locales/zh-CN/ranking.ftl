## /rank。名次为 0 表示在该榜上还没有得分。
rank-summary = { $name }：等级 { $level }，{ $xp } 经验（还差 { $xp_to_next } 经验升到 { $next_level } 级）
rank-places = 排名：总榜{ $all_time ->
        [0] 未上榜
       *[other] 第 { $all_time } 名
    }，周榜{ $week ->
        [0] 未上榜
       *[other] 第 { $week } 名
    }（本周 { $week_xp } 经验）
rank-balance = 积分：{ $balance }
rank-hidden-note = 已在公开排行榜中隐藏（发送 /privacy show 可重新公开）。
rank-hidden = { $name } 选择了不在排行榜上公开。

## /leaderboard。$title 是下面某个 board-title-* 的文字。
board-title-all = 总榜
board-title-week = 周榜 { $week }
board-title-this-week = 本周周榜
board-title-month = 月榜 { $month }
board-title-this-month = 本月月榜
board-title-season = 赛季榜“{ $name }”
board-title-season-ended = 已结束的赛季榜“{ $name }”
board-title-season-final = 赛季“{ $name }”最终前 10 名
board-header = 排行榜 · { $title }（第 { $page }/{ $pages } 页）
board-empty = 排行榜 · { $title }
    这里还没有人得分。聊天、/daily 签到和 /thanks 感谢都能获得经验。
board-past-end = 排行榜 · { $title }
    一共只有 { $pages } 页。
board-line-all-time = 第 { $place } 名 { $name }：等级 { $level }，{ $score } 经验
board-line = 第 { $place } 名 { $name }：{ $score } 经验（等级 { $level }）
board-closed = 这个排行榜刚刚关闭了。

## /privacy
privacy-hidden = 你已在公开排行榜中隐藏。发送 /rank 仍能看到自己的名次。
privacy-shown = 你已重新在排行榜上公开。

## /season。$ends 是社区时区的日期和时间。
season-end-date-passed = 这个结束日期已经过去了，请选一个更晚的日期。
season-still-running = 赛季“{ $name }”还在进行中，请先用 /season end 结束它。
season-name-taken = 已经有一个叫“{ $name }”的赛季了，请换个名字。
season-started-until = 赛季“{ $name }”开始了！从现在起获得的经验都计入本赛季，赛季持续到 { $ends }。发送 /leaderboard season 查看赛季榜。
season-started-open = 赛季“{ $name }”开始了！从现在起获得的经验都计入本赛季，直到管理员发送 /season end 为止。发送 /leaderboard season 查看赛季榜。
season-not-running = 当前没有进行中的赛季。发送 /season start 名称 开启一个。
season-none-yet = 还没有举办过赛季。管理员可以发送 /season start 名称 开启一个。
season-unknown = 没有叫“{ $name }”的赛季。
season-ended = 赛季“{ $name }”结束了，恭喜每一位参与的成员！
    { $table }
