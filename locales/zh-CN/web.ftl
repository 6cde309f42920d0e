## /web 和网页

web-off = 本社区没有开启网页。
web-login-dm = 你在 { $community } 的登录链接：{ $url }
    只能使用一次，{ $minutes } 分钟内有效。请勿分享：打开它就会以你的身份登录。
web-login-sent = 登录链接已通过私信发给你，只能使用一次，{ $minutes } 分钟内有效。
web-login-dm-failed = 无法把登录链接发给你：{ $error }
web-login-wait = 刚刚已通过私信把登录链接发给你。如需新的链接，请在 { $seconds } 秒后再试。
web-logout-done = { $count ->
    [0] 你没有打开的网页登录。
   *[other] 已退出你的 { $count } 个网页登录。
}
web-logout-member-done = { $count ->
    [0] { $name } 没有打开的网页登录。
   *[other] 已结束 { $name } 的 { $count } 个网页登录。
}
web-logout-others-operator-only = 只有管理员可以让其他成员退出登录。

web-source-messages = 发言
web-source-daily = 每日签到
web-source-thanks = 感谢
web-source-learning = 学习、投稿与活动
# The unit after a chart's figures.
web-xp-unit = 经验
web-source-other = 发放及其他

web-board-all = 总榜
web-board-week = 周榜
web-board-month = 月榜
web-board-season = 赛季 { $name }
web-board-season-ended = 赛季 { $name }（已结束）

web-nav-home = 首页
web-nav-leaderboards = 排行榜
web-nav-seasons = 赛季
web-nav-questions = 问答
web-nav-me = 我的主页
web-nav-dashboard = 管理面板
web-nav-logout = 退出登录
web-nav-login-hint = 登录：在聊天中向机器人发送 /web。

web-home-week = 本周前 10 名
web-home-all-time = 总榜前 10 名
web-home-drops = 即将推送
web-home-no-drops = 暂时没有你可以看到的推送。
web-home-operators-only = 本社区的排行榜仅对管理员开放。
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
web-search-bad-title = 未执行搜索
web-search-too-short = 搜索至少需要名字中的 { $min } 个字符。
web-search-too-long = 搜索最多 { $max } 个字符。
web-search-too-many-title = 搜索过于频繁
web-search-too-many = 你刚才搜索得太多了。请等待 { $seconds } 秒后再搜索。
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
web-login-title = 登录
web-login-page = 这是你的登录链接。点击下面的按钮在这台设备上登录；登录后链接即失效。
web-login-button = 登录
web-login-failed = 登录链接只能使用一次，且 10 分钟内有效。请在聊天中向机器人发送 /web 获取新链接。
web-need-login-title = 请先登录
web-need-login = 这个页面仅对成员开放。在聊天中向机器人发送 /web，然后打开它发给你的链接。
web-not-found-title = 找不到页面
web-not-found = 这里没有内容，或者你无权查看。
web-forbidden-title = 仅限管理员
web-forbidden = 这个页面仅供社区管理员使用。
web-bad-form-title = 表单已过期
web-bad-form = 表单已过期。请返回、刷新页面后重试。
web-bad-query-title = 这个链接不正确
web-bad-query = 这个地址中“?”后面的部分无法读取：页码必须是从 1 开始的整数，日期须写成 YYYY-MM-DD。请检查链接，或从首页重新开始。
web-bad-address-title = 没有这个地址
web-bad-address = 这个地址用编号指代某样东西（成员、赛季），但其中的编号不是有效的数字。请检查链接，或从首页重新开始。
web-bad-form-data-title = 无法读取表单
web-bad-form-data = 表单内容不完整，或者格式不是这个页面所接受的。请返回、刷新页面后重新提交。
web-method-title = 不能这样访问
web-method = 这个地址不接受这种请求。请以链接方式打开，或使用其页面上的按钮。
web-bad-range-title = 无法显示这个时间范围
web-cross-site-title = 来自其他网站
web-cross-site = 这个表单是从其他网站的页面提交的，因此未被接受。如需登录，请打开机器人发给你的链接，并在那里点击按钮。
web-error-title = 出错了
web-error = 我们这边出了点问题，请稍后再试。

web-dash-community = 社区
web-dash-members = 共 { $count } 位成员
web-dash-database = 数据库：{ $megabytes } MB
web-dash-database-kb = 数据库：{ $kilobytes } KB
web-dash-memberships = 会员
web-dash-no-tiers = 尚未配置会员档位。
web-dash-deliveries = 推送投递
web-dash-no-deliveries = 还没有投递过推送。
web-dash-range-bad-date = 日期须写成 YYYY-MM-DD，例如 2026-11-30。
web-dash-range-backwards = 结束日期早于开始日期。
web-dash-range-too-long = 时间范围最多 { $days } 天。
web-dash-range-instead = 下面显示最近 30 天。
web-csv-range-again = 请在管理面板上重新选择时间范围，再从那里下载文件。
web-dash-from = 从
web-dash-to = 到
web-dash-show = 查看
web-dash-last-days = 最近 { $days } 天
web-dash-csv = 下载 CSV
web-dash-activity = 活跃度
web-dash-mean-dau = 日活跃成员（平均）
web-dash-stickiness = 日活 ÷ 30 天活跃（平均）
web-dash-messages-total = 消息
web-dash-new-total = 新成员
web-dash-spent-total = 已花费积分
web-dash-no-activity = 这段时间没有人活跃。
web-dash-active-per-day = 每日活跃成员
web-dash-new = 新成员
web-dash-returning = 回访成员
web-dash-messages-per-day = 每日消息数
web-dash-xp-per-day = 每日经验来源
web-dash-source-message = 发言
web-dash-source-daily = 每日签到
web-dash-source-thanks = 感谢
web-dash-source-grant = 管理员发放
web-dash-source-learning = 课时
web-dash-source-course = 课程奖励
web-dash-source-contribution = 投稿
web-dash-source-event = 活动
web-dash-source-answer = 被采纳的回答
web-dash-index = 每周活跃指数
web-dash-index-defined = f1 = a1·ln U + a2·ln T，其中 U 是活跃成员当周平均活跃的天数，T 是活跃成员每个活跃日的平均消息数。a1 = { $a1 }，a2 = { $a2 }（analytics.index_a1 与 index_a2）。f1 越高，这一周越热闹。
web-dash-index-short = f1
web-dash-week = 周
web-dash-active = 活跃
web-dash-days-per-member = U（天）
web-dash-messages-per-member-day = T（条消息）
web-dash-monthly = 每个自然月的活跃成员
web-dash-cohorts = 按首次出现周的留存
web-dash-cohorts-defined = 每一行是在同一周首次出现的成员；+N 列是其中 N 周后仍活跃的比例。
web-dash-cohort = 首次出现
web-dash-cohort-size = 成员数
web-dash-content = 内容质量
web-dash-drops-total = 推送
web-dash-reach = 触达
web-dash-ratings = 评分数
web-dash-community-mean = 全部推送的平均评分
web-dash-drops-per-week = 每周推送数
web-dash-failed = 失败
web-dash-missed = 错过
web-dash-no-drops = 这段时间没有首次投递的推送。
web-dash-bayes-defined = 贝叶斯均分把一条推送的评分与 { $weight } 个社区平均分混合，少数几票不会压过大量评分。
web-dash-best = 评分最高
web-dash-worst = 评分最低
web-dash-drop = 推送
web-dash-first-sent = 首次发送
web-dash-mean = 平均分
web-dash-bayes = 贝叶斯均分
web-dash-rating-rate = 评分率
web-dash-tier = 会员档位
web-dash-running = 生效中
web-dash-expiring = 7 天内到期
web-dash-none-expiring = 无。
web-dash-membership-weeks = 每周会员变动
web-dash-action-grant = 开通
web-dash-action-extend = 续期
web-dash-action-redeem = 积分兑换
web-dash-action-expire = 到期
web-dash-action-revoke = 撤销
web-dash-revenue = 收入
web-dash-revenue-none = 这段时间没有付款。在售方案在 [[plans]] 中设置（见 docs/payments.md）。
web-dash-currency = 币种
web-dash-gross = 收款
web-dash-refunded = 退款额
web-dash-net = 净额
web-dash-new-paid = 新付费
web-dash-renewals = 续费
web-dash-refunds = 退款笔数
web-dash-renewing = 当前自动续费的订阅：{ $count }；本期停止续费：{ $churned }
web-dash-mrr = 月度经常性收入：{ $amount }
web-dash-revenue-defined = 金额以各币种本身的单位显示（Telegram Stars 记为 ⭐），CSV 中亦然；不同币种从不相加。

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
card-unavailable = 目前无法绘制等级卡片；/rank 会以文字显示同样的内容。已通知管理员。
card-unavailable-operators = 这台服务器无法绘制等级卡片：{ $cause }。需要安装的字体见 docs/rank-card.md。
web-refused-title = 操作未完成
web-plans-title = 购买套餐
web-pay-by-card = 银行卡支付
web-portal-line = 你使用银行卡付款：可在 Stripe 更新银行卡或查看账单。
web-portal-button = 管理银行卡
web-portal-none = 你没有可管理的银行卡订阅。/plans 列出可购买的套餐。
web-dash-trials = 本期开始的免费试用：{ $trials }；其中已付费：{ $paid }
web-dash-feedback = 反馈
web-dash-week-label = { $year }年第{ $number }周
web-dash-month-label = { $year }年{ $number }月
web-dash-dau = 日活跃
web-dash-wau = 近 7 天活跃
web-dash-mau = 近 30 天活跃
web-dash-wau-end = 截至范围末日的 7 天活跃成员
web-dash-mau-end = 截至范围末日的 30 天活跃成员
web-dash-stickiness-week = 日活 ÷ 7 天活跃（平均）
web-dash-commands-total = 命令
web-dash-rolling = 日活跃、7 天活跃与 30 天活跃成员
web-dash-rolling-defined = 每个点统计当天、截至当天的 7 天或 30 天内在社区聊天中发过消息或命令的不同成员（按社区时区计日）。
web-dash-deliveries-sent = 投递次数
web-dash-done-rate = 完成比例
web-dash-reach-defined = 触达统计不同的成员：通过私信收到内容的成员，以及在聊天中看到后评分或标记完成的成员。“评分率”和“完成比例”都以触达人数为分母；投递次数统计每一次发帖和私信，重复投递也计入。

## The subscriber list (/dashboard/members)
web-subs-title = 订阅成员
web-subs-link = 订阅成员：持有或曾持有等级的每位成员，可在此操作
web-subs-back = ← 仪表盘
web-subs-back-list = ← 订阅成员
web-subs-back-member = 返回 { $name }
web-subs-search = 名称、用户名或 #ID
web-subs-count = 共 { $count } 条会员资格
web-subs-sort = 排序：
web-subs-order = { $order ->
        [ending] 最先到期
        [name] 名称
        [tier] 等级
        [started] 最近开始
       *[other] { $order }
    }
web-subs-none = 没有符合条件的持有或曾持有等级的成员。
web-subs-member = 成员
web-subs-state = 状态
web-subs-provider = 付款方式
web-subs-renews = 自动续费
web-subs-until = 到期
web-subs-started = 开始
web-subs-paid = 累计支付
web-subs-yes-no = { $yes ->
        [true] 是
       *[other] 否
    }
web-subs-state-word = { $state ->
        [running] 有效
       *[other] 已结束
    }
web-subs-provider-name = { $provider ->
        [telegram_stars] Telegram Stars
        [stripe] 银行卡（Stripe）
        [discord_sku] Discord
        [none] 赠予或兑换
       *[other] { $provider }
    }
web-subs-lifetime = 永久
web-subs-memberships = 会员资格
web-subs-no-memberships = 该成员从未持有任何等级。
web-subs-revoke = 结束…
web-subs-give = 授予或延长等级
web-subs-term = 时长
web-subs-grant = 授予…
web-subs-extend = 延长…
web-subs-term-help = 时长写作 30d、12w、1d 12h 或 lifetime。“延长”只作用于有效的会员资格；“授予”也可以新开一个。
web-subs-payments = 付款记录
web-subs-no-payments = 没有付款记录。
web-subs-day = 日期
web-subs-plan = 方案
web-subs-kind = 类型
web-subs-amount = 金额
web-subs-kind-word = { $kind ->
        [payment] 付款
        [renewal] 续费
        [refund] 退款
        [failure] 续费失败
        [mismatch] 支付金额不符
       *[other] { $kind }
    }
web-subs-refund = 退款…
web-subs-term-missing = 请写明时长，例如 30d 或 lifetime。
web-subs-tier-missing = 请选择一个等级。
web-subs-payment-missing = 请选择要退款的付款。
web-subs-action-unknown = 此页面不提供该操作：只能授予、延长、结束或退款。
web-subs-confirm-title = 确定吗？
web-subs-done-title = 已完成
web-subs-confirm = 确定执行
web-subs-cancel = 取消
web-subs-confirm-grant = 授予 { $name } { $tier }，时长 { $term }？对方会立即获得相应权限并收到私信，会员记录会记为由你操作。
web-subs-confirm-extend = 将 { $name } 的 { $tier } 延长 { $term }？对方会收到私信，会员记录会记为由你操作。
web-subs-confirm-revoke = 立即结束 { $name } 的 { $tier }？对方会立即失去相应权限并收到私信。
web-subs-confirm-revoke-all = 立即结束 { $name } 持有的所有等级？对方会立即失去相应权限并收到私信。
web-subs-confirm-refund = 向 { $name } 退还第 { $id } 笔付款（{ $amount }）？付款平台会退回这笔钱，它所购买的会员资格随之结束。

## Segments and broadcasts (/dashboard/segments)
web-seg-title = 成员分组
web-seg-link = 成员分组：流失风险、升级候选、已过期；可向其群发
web-seg-intro = 按管理员可能采取的行动对成员分组。每个页面列出成员，并可向他们全部发送私信。
web-seg-back = ← 成员分组
web-seg-name = { $segment ->
        [at-risk] 流失风险
        [upgrade] 升级候选
        [lapsed] 已过期
        [active] 活跃
        [all] 所有成员
       *[other] { $segment }
    }
web-seg-defined = { $segment ->
        [at-risk] 持有 7 天内到期或续费的等级、且已有 analytics.at_risk_days 天（默认 14 天）没有活动的成员。
        [upgrade] 没有等级、但在最近 4 周中至少 3 周有活动的成员。
        [lapsed] 没有等级、且上一个等级在最近 30 天内结束的成员。
        [active] 最近 30 天内在社区聊天中发过消息或命令的成员。
       *[other] 所有成员。
    }
web-seg-tier-defined = 目前持有 { $tier } 的成员。
web-seg-count = 共 { $count } 位成员
web-seg-last-active = 最近活跃
web-seg-broadcast = 给他们发私信
web-seg-broadcast-help = 该分组的每位成员都会在其绑定的每个平台收到私信，已发送 /broadcasts off 的成员除外；最多 2,000 个字符。以 broadcast- 开头的键（broadcast-renewal-soon、broadcast-we-miss-you、broadcast-come-back、broadcast-upgrade-invite）会以每位成员的语言显示。
web-seg-send = 发送…
web-seg-confirm = 通过私信把这条消息发给 { $segment } 的 { $count } 位成员？
web-seg-follow = 查看进度
web-seg-status-title = 群发 #{ $id }

## The objectives panel and revenue figures (/dashboard)
web-obj-title = 三项目标，按周
web-obj-defined = f1 是活跃度指数；f2 是内容质量（当周首次推送的内容所得评分的贝叶斯平均值，按各自触达的成员数加权）；f3 是当周的净收入。每项都与所显示各周相比得出标准分：0 为平均水平，+1 表示比平均高一个标准差（各币种分别计分后取平均）。总和按 { $w1 }、{ $w2 }、{ $w3 } 加权（analytics.weight_f1、weight_f2、weight_f3）。各项定义见 docs/analytics.md。
web-obj-f1 = f1 活跃度
web-obj-f2 = f2 内容质量
web-obj-f3 = f3 收入
web-obj-total = 总和
web-obj-scores = 标准分 f1 / f2 / f3
web-obj-moved = 本周变化来源
web-obj-event = 活动：{ $name }
web-obj-plan = { $plan }：{ $count } 笔付款
web-dash-refund-rate = 退款率
web-dash-arpu = 每位付费成员
web-dash-churn-rate = 流失率 { $rate }
web-dash-lifetime = 付费时长（全部时间）
web-dash-paying-members = 付费成员
web-dash-lifetime-days = 平均付费天数
web-dash-lifetime-value = 平均支付额（生命周期价值）
web-dash-recurring-trend = 每周经常性收入
web-dash-recurring-defined = 截至每周末的 30 天内，自动续费方案带来的收入减去退款：按月计的数字，以各币种的单位显示。
web-dash-funnel = 从新成员到付费
web-dash-funnel-new = 范围内的新成员
web-dash-funnel-trials = 开始免费试用
web-dash-funnel-trials-paid = 试用后付费
web-dash-funnel-paid = 开始付费会员
web-dash-funnel-defined = 每一步的比例以上一步为分母；“开始付费会员”和“通过成员邀请而来”以新成员为分母，“经邀请而来的付费成员”以开始付费的成员为分母。试用和付款只要发生在范围内就计入，不论是谁。

## Channels and hours (/dashboard)
web-dash-channels = 聊天
web-dash-channel = 聊天
web-dash-channel-active = 日均活跃成员
web-dash-channel-member-days = 成员·天
web-dash-hours = 按一周中每小时统计的消息
web-dash-hours-defined = 范围内每个星期几的每个小时所写的消息数，按社区时区（community.timezone）计：颜色越深越活跃。在活跃时段发布的推送会更快被看到。
web-dash-weekday = { $day ->
        [0] 周一
        [1] 周二
        [2] 周三
        [3] 周四
        [4] 周五
        [5] 周六
       *[6] 周日
    }

## Top contributors (/dashboard/contributors)
web-top-title = 主要贡献者
web-top-link = 本范围的主要贡献者：获得的经验、收到的感谢、被采纳的投稿
web-top-xp = 获得的经验
web-top-thanks = 收到的感谢
web-top-submissions = 被采纳的投稿
web-top-none = 本范围内没有。
web-top-defined = 获得的经验统计范围内参与所得（消息、签到、感谢、课时、课程、贡献、活动、授予），不含导入或被扣除的经验。感谢统计范围内各天收到的感谢；投稿统计范围内被批准的投稿。隐藏的成员也会列出：此页面仅供管理员查看。
