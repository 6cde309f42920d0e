## /web 和网页

web-off = 本社区没有开启网页。
web-login-dm = 你在 { $community } 的登录链接：{ $url }
    只能使用一次，{ $minutes } 分钟内有效。请勿分享：打开它就会以你的身份登录。
web-login-sent = 登录链接已通过私信发给你，只能使用一次，{ $minutes } 分钟内有效。
web-login-dm-failed = 无法把登录链接发给你：{ $error }

web-source-messages = 发言
web-source-daily = 每日签到
web-source-thanks = 感谢
web-source-other = 发放及其他

web-board-all = 总榜
web-board-week = 周榜
web-board-month = 月榜
web-board-season = 赛季 { $name }
web-board-season-ended = 赛季 { $name }（已结束）

web-nav-home = 首页
web-nav-leaderboards = 排行榜
web-nav-seasons = 赛季
web-nav-me = 我的主页
web-nav-dashboard = 管理面板
web-nav-logout = 退出登录
web-nav-login-hint = 登录：在聊天中向机器人发送 /web。

web-home-week = 本周前 10 名
web-home-all-time = 总榜前 10 名
web-home-drops = 即将推送
web-home-no-drops = 暂时没有你可以看到的推送。
web-home-members-only = 排行榜仅对成员开放。在聊天中向机器人发送 /web 即可登录。
web-board-empty = 这个排行榜上还没有人。
web-col-place = 名次
web-col-member = 成员
web-col-level = 等级
web-col-xp = 经验
web-search-label = 查找成员
web-search-button = 搜索
web-search-results = 有 { $count } 位成员匹配“{ $query }”。
web-search-none = 这个排行榜上没有成员匹配“{ $query }”。
web-page-of = 第 { $page } / { $pages } 页 · 共 { $total } 位成员
web-page-prev = 上一页
web-page-next = 下一页
web-seasons-title = 赛季
web-seasons-none = 还没有举办过赛季。
web-season-running = 进行中
web-season-ended = 已于 { $date } 结束

web-member-level = { $level } 级
web-member-progress = { $into } / { $step } 经验，升到 { $next } 级
web-member-xp = 累计 { $xp } 经验
web-member-places = 名次
web-member-unranked = 未上榜
web-member-place = 第 { $place } 名（{ $score } 经验）
web-member-streak = 连续签到：{ $days } 天
web-member-tier = 会员档位：{ $tier }
web-member-no-tier = 没有会员档位
web-member-hidden = 你已在公开排行榜上隐藏：只有你和管理员能看到这个页面。
web-member-chart = 近 12 周的经验来源
web-member-rated = 评过分的推送
web-member-rated-none = 还没有评分。
web-member-card = 等级卡片

web-login-failed-title = 这个链接无法使用
web-login-failed = 登录链接只能使用一次，且 10 分钟内有效。请在聊天中向机器人发送 /web 获取新链接。
web-need-login-title = 请先登录
web-need-login = 这个页面仅对成员开放。在聊天中向机器人发送 /web，然后打开它发给你的链接。
web-not-found-title = 找不到页面
web-not-found = 这里没有内容，或者你无权查看。
web-forbidden-title = 仅限管理员
web-forbidden = 这个页面仅供社区管理员使用。
web-bad-form = 表单已过期。请返回、刷新页面后重试。
web-error = 我们这边出了点问题，请稍后再试。

web-dash-community = 社区
web-dash-members = 共 { $count } 位成员
web-dash-database = 数据库：{ $megabytes } MB
web-dash-memberships = 正在生效的会员资格
web-dash-no-tiers = 尚未配置会员档位。
web-dash-deliveries = 推送投递
web-dash-no-deliveries = 还没有投递过推送。

## 等级卡片（/rank card、/members/ID/card.png）
card-level = 等级
card-xp = 经验
card-total = 累计
card-all-time = 总榜
card-this-week = 本周
card-streak = 连续签到
card-days = { $days ->
   *[other] 天
}
card-unranked = 未上榜
card-group-separator = ,
card-caption = { $name } 的等级卡片
card-unavailable = 这台服务器无法绘制等级卡片（没有安装字体）；/rank 会以文字显示同样的内容。
