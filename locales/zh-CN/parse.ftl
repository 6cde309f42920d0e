# 命令输入有误时的说明，作为用法回复的第一行（`command-usage` 会在后面加上用法）。
# 反引号里的变量是成员输入的内容（已截短）；add、grant、every、to 等命令词保持原样。

## 各命令的参数。
parse-privacy-choice = 请说明要做什么：隐藏（hide）、公开（show）、导出（export）或删除（delete）。
parse-privacy-one-word = 后面不需要再加内容。
parse-privacy-delete-one-step = 确认和结束只能选一个。
parse-language-one = 只能指定一种语言。
parse-link-code-one-word = 绑定码只有一个词，中间不能有空格。
parse-start-one = /start 最多只带一个词。
parse-reward-id-invalid = 这不是奖励 ID，发送 /shop 查看积分商店里的奖励。
parse-reward-one = 请指定一个奖励，可发送 /shop 查看积分商店。
parse-plan-one = 请指定一个方案，可发送 /plans 查看。
parse-subscription-cancel = 发送 /subscription 查看你的方案，或 /subscription cancel 停止续费。
parse-payment-id = 请给出 /payments 里的付款编号，例如 /payments refund 12。
parse-reason-too-long = 理由最多 { $max } 个字符，这条有 { $length } 个。
parse-no-arguments = 这个命令不需要参数。
parse-web-args = 发送 /web 获取登录链接，或 /web logout 结束你的所有网页登录（管理员：/web logout @成员）。
parse-member-at-most-one = 最多只能指定一位成员。
parse-member-name-invalid = `{ $word }` 不是有效的成员名。
parse-member-missing = 请指定成员（或直接回复对方的消息）。
parse-amount-range = 数量必须在 1 到 { $max } 之间。
parse-amount-invalid = `{ $word }` 不是整数。
parse-points-action-missing = 请选择 add（增加）或 remove（扣除）。
parse-points-member-and-amount = 请指定成员和数量。
parse-points-amount-missing = 请给出数量。
parse-points-action-invalid = `{ $word }` 不是 add 或 remove。
parse-page-invalid = 页码必须是从 1 开始的数字。
parse-board-invalid = 请选择榜单：总榜（all）、周榜（week）、月榜（month）或赛季榜（season）。
parse-season-name-length = 赛季名称需要 1 到 { $max } 个字符。
parse-season-action = 请选择 start（开始，后跟赛季名称）或 end（结束）。
parse-rate-args = 请给出推送编号和评分（1 到 5 星）。
parse-rate-stars-invalid = `{ $word }` 不是有效评分，请给 1 到 5 星。
parse-member-action-missing = 请选择 grant（授予）、extend（延长）、revoke（撤销）或 list（列表）。
parse-member-grant-args = 请指定成员、会员档位和时长（如 30d、12w、30天、永久）。
parse-member-revoke-args = 请指定成员；只撤销其中一个会员档位时，再写上档位。
parse-member-list-args = 最多只能指定一个会员档位。
parse-member-action-invalid = `{ $word }` 不是 grant、extend、revoke 或 list。
parse-date-too-far = `{ $date }` 太远了，请选 3000-01-01 之前的日期。
parse-date-invalid = `{ $word }` 不是日期，格式如 2026-12-31。
parse-date-missing = 请给出结束日期，格式如 2026-12-31。

## 成员可以输入的参数词：逗号分隔，不区分大小写，不会显示出来。所有语言的词都能用。
parse-word-board-all = 总榜, 全部
parse-word-board-week = 本周, 周榜
parse-word-board-month = 本月, 月榜
parse-word-board-season = 赛季, 赛季榜
parse-word-privacy-hide = 隐藏
parse-word-privacy-show = 公开, 显示
parse-word-privacy-export = 导出
parse-word-privacy-delete = 删除
parse-word-confirm = 确认
parse-word-end-memberships = 结束
parse-word-rank-card = 卡片
parse-word-cancel = 取消
parse-word-refund = 退款
parse-word-web-logout = 退出, 登出
# A reply made only of one of these thanks the replied-to member (config points.thanks_words replaces them all).
parse-word-thanks = 谢谢, 感谢, 多谢, 谢了, 谢谢你, 感谢感谢, 3q, 蟹蟹

## /drop 的格式（/drop WHEN [every RULE] [to TARGET] [tier TIER] TEXT）。
drop-grammar-id-invalid = `{ $word }` 不是推送编号，格式如 #12。
drop-grammar-id-one = 请给出一个推送编号，如 #12。
drop-grammar-to-needs-channel = `to` 后面要跟频道名，如 to announcements。
drop-grammar-tier-needs-id = `tier` 后面要跟会员档位 ID，如 tier pro。
drop-grammar-text-missing = 请写上要推送的内容，或回复要定时推送的那条消息。
drop-grammar-text-too-long = 内容超过了 { $max } 个字符。
drop-grammar-every-needs-rule = `every` 后面要跟重复规则：day、weekday、mon,thu、month 1，或用引号括起来的 cron 表达式。
drop-grammar-every-month-needs-day = `every month` 后面要跟每月的第几天，如 every month 1。

## /drop 的时间（WHEN）。$word 是输入的词；$at 是当地日期和时间（2026-11-25 08:00）。
drop-when-missing = 请说明什么时候推送：now、in 2h、tomorrow 09:00、mon 18:30 或 2026-12-01 09:00。
drop-when-bad-time = `{ $time }` 不是有效的时间：请使用 00:00 到 23:59 之间的时间，例如 09:00。
drop-when-day-needs-time = `{ $word }` 后面要跟时间，如 { $word } 09:00。
drop-when-weekday-needs-time = `{ $word }` 后面要跟时间，如 { $word } 18:30。
drop-when-in-needs-span = `in` 后面要跟时长，如 in 2h30m 或 in 2小时。
drop-when-invalid = `{ $word }` 不是时间。可以用 now、in 2h30m、tomorrow 09:00、mon 18:30 或 2026-12-01 09:00。
drop-when-passed = { $at } 已经过去了，请选一个将来的时间。

## /drop 的重复规则（RULE），以及回复 /drop 时“之后”后面的规则说明。$time 为 HH:MM；
## $days 为输入的星期（mon,thu）；$day 为每月第几天；$expr 为 cron 表达式。
drop-rule-month-day-invalid = `month { $day }` 里的日期必须在 1 到 31 之间。
drop-rule-invalid = `{ $rule }` 不是有效的重复规则：可以用 day、weekday、mon,thu 这样的星期列表、month 1，或用引号括起来的 cron 表达式。
drop-rule-cron-fields = cron 表达式有五个字段：分 时 日 月 星期（如 "0 9 * * 1-5"），`{ $expr }` 有 { $fields } 个。最短每分钟重复一次。
drop-rule-cron-invalid = `{ $expr }` 不是有效的 cron 表达式。五个字段依次是：分（0-59）、时（0-23）、日（1-31）、月（1-12）、星期（0-6 或 mon-sun），如 "0 9 * * 1-5"。

## 输入的时长（30d、2h30m）。$text 是输入的内容。
duration-invalid = `{ $text }` 不是有效的时长，可以写 30m、2h30m、7d、12w，或 45分钟、2小时30分钟、30天。
duration-too-long = `{ $text }` 超过了 100 年。
duration-zero = `{ $text }` 的时长为零。

## 成员可以输入的时长单位，以及表示会员资格永不到期的词：逗号分隔，不区分大小写，不会显示出来；
## 所有语言的词都能用。数字紧跟单位（30天、2小时30分钟）。一个月按 30 天、一年按 365 天计。
duration-word-seconds = 秒, 秒钟
duration-word-minutes = 分钟, 分
duration-word-hours = 小时, 个小时
duration-word-days = 天, 日
duration-word-weeks = 周, 星期, 个星期
duration-word-months = 个月, 月
duration-word-years = 年
duration-word-lifetime = 永久, 终身

## /thanks（以及感谢词）被拒绝。$limit：每人每天能送出的感谢次数。
thanks-refused-self = 不能感谢自己。
thanks-refused-bot = 机器人不收感谢。
thanks-refused-daily-limit = 今天的 { $limit } 次感谢已经用完了，明天再来吧。
thanks-refused-already-today = 今天你已经感谢过对方了。

## /link CODE 被拒绝。$platform：平台名（Discord、Telegram）。
link-refused-unknown-code = 绑定码无效或已过期。请在另一个账号上发送 /link 获取新的绑定码。
link-refused-same-platform = 绑定码要在另一个平台的账号上使用，而这个账号也在 { $platform } 上。
link-refused-own-code = 这是发给本账号的链接码。请在另一个平台的账号上发送 /link 和这个链接码来合并账号。
link-refused-already-linked = 这两个账号已经绑定过了。
link-refused-platform-taken = 你已经绑定过一个 { $platform } 账号了，每个平台只能绑定一个账号。

## 配置文件里写的账号和聊天（telegram:123），由 steward check-config 报告（目前用英文）。
## $written：原样写法；$platform：平台部分。
id-platform-unknown = 未知平台 `{ $platform }`（应为 discord、telegram 或 console）
id-account-form = `{ $written }` 的格式应为 `telegram:ID`、`discord:ID` 或 `console:名字`
id-account-no-id = `{ $written }` 的冒号后面缺少 ID
id-telegram-user = `{ $written }` 不是 Telegram 用户 ID（应为正整数，如 telegram:123456789）
id-telegram-chat = `{ $written }` 不是 Telegram 聊天 ID（应为整数，群组为负数，如 telegram:-1001234567890）
id-discord-user = `{ $written }` 不是 Discord 用户 ID（应为正整数，打开开发者模式后可以复制）
id-discord-channel = `{ $written }` 不是 Discord 频道 ID（应为正整数，打开开发者模式后可以复制）
id-console-name = `{ $written }` 不是有效的控制台名称（1 到 32 个字母、数字、- 或 _）
id-console-chat = `{ $written }` 不是有效的控制台聊天名称（1 到 32 个字母、数字、- 或 _）
parse-course-id = “{ $word }”不是课程编号：请用一个由字母、数字、- 或 _ 组成的词（最多 32 个字符），如 rust-101。
parse-course-title-long = 课程标题最多 { $max } 个字符。
parse-course = 请说明要对课程做什么：create ID 标题、add ID 课时、remove ID 课时、tier ID [等级|none] 或 stats ID。
parse-done = 请用编号指出你完成的课时，例如 /done 12。
parse-feedback = 请写明推送编号和你的意见，例如 /feedback 12 第二部分的示例无法编译。
parse-feedback-long = 反馈最多 { $max } 个字符。
tags-invalid = “{ $word }”不是有效标签：标签是一个词，最多 { $max } 个字符，可含字母、数字和 - _ + . #。
tags-none-given = 请用逗号分隔给出标签，例如 tags rust,async。
tags-too-many = 一条推送最多带 { $max } 个标签。
drop-grammar-tags = 请写明推送编号和标签，例如 /drop tags 12 rust,async（写 none 可清空）。
parse-drops-tag = 请给出一个标签，例如 /drops tag rust。
parse-recommend = 用 /recommend 查看推荐，或用 /recommend weekly on（或 off）开启每周私信推荐。
parse-help = 请只写一个命令名，例如 /help leaderboard。
parse-submit = 请在 /submit 后写下要分享的内容，或回复一条消息并发送 /submit。
parse-submit-long = 投稿最多 { $max } 个字符。
parse-submission-id = “{ $word }”不是投稿编号；/review list 会列出它们。
parse-subcommand-missing = /{ $command } 后面需要写子命令。
parse-subcommand-unknown = /{ $command } 没有“{ $word }”这个子命令。
parse-review = 用法：/review list、/review approve 编号 [时间] [to 目标] [tags 标签]，或 /review reject 编号 理由。
parse-review-approve-text = 采纳时只写时间和选项，不写内容（“{ $text }”）：会发出投稿本身的内容。
parse-review-reject-reason = 请写明给作者的理由：/review reject 编号 理由。
parse-event-id = “{ $word }”不是活动编号；/event list 会列出活动。
parse-event-create = 请给出活动名称、开始和结束时间，例如 /event create "冬季黑客松" 2026-12-05 10:00 2026-12-05 18:00 xp 200。
parse-event-name = 活动名称为 1 到 { $max } 个字符；含空格时请加引号。
parse-event-end = 请在开始时间后写结束时间，例如 2026-12-05 18:00 或 in 3h。
parse-event-xp = xp 后面要跟 0 到 { $max } 的整数。
parse-event-extra = “{ $word }”不属于 /event create：结束时间后只能写 xp 数值、tier 档位 和 season。

parse-broadcast = 请写明分组和内容：/broadcast at-risk 你的会员下周续费，期待你的反馈。
parse-broadcast-long = 群发内容最多 { $max } 个字符，以便在各平台都是一条消息。
parse-broadcast-id = 请给出群发编号，例如 /broadcast status 3。
parse-broadcasts = 请写 off 或 on：/broadcasts off。
segment-unknown = 没有 `{ $segment }` 这个分组。可选：{ $segments }。

parse-promo = 请说明要做什么：/promo create、/promo list 或 /promo end 优惠码。
parse-promo-create = 请这样写：/promo create SPRING-25 pro-month percent 20 until 2027-03-31 uses 100，且只给一种折扣：percent N 或 price N（Stars）。
parse-promo-code = 优惠码由 3 到 24 个字母、数字、- 或 _ 组成，例如 SPRING-25。
parse-promo-percent = 折扣百分比是 1 到 99 的整数，例如 percent 20。
parse-promo-price = 价格是 1 到 10000 个 Stars 的整数，例如 price 250。
parse-promo-uses = 使用人数是从 1 起的整数，例如 uses 100。

parse-invite = 发送 /invite 获取邀请码，或 /invite stats 查看成果。

parse-gift = 请写明获赠者和方案：/gift @alice pro-month，或 /gift @alice pro-month anonymous。
parse-gift-code = 请给出礼品码，例如 /redeem_gift ABCD-EFGH-JKLM。
parse-team = 请说明要做什么：/team、/team create 名称 方案 席位数、/team renew、/team add @成员 或 /team remove @成员。
parse-team-create = 例如 /team create acme pro-team 5；管理员可写 /team create acme pro-team 5 manager @成员。
parse-team-name = 团队名称是一个词，最多 { $max } 个可见字符，例如 acme。
parse-team-seats = 席位数是 1 到 { $max } 的整数，例如 5。
parse-team-member = 请指定一位成员，例如 /team add @成员。
parse-certificate = 例如 /certificate rust-101，或 /certificate rust-101 as 张伟。
parse-certificate-name = 要印上的姓名最多 { $max } 个可见字符，例如 /certificate rust-101 as 张伟。
parse-certificate-revoke = 例如 /certificate revoke ABCD-EFGH-JKLM-NPQR 考试抄袭，须写明原因。
parse-ask = 例如 /ask 怎样修复借用错误？#rust，或在末尾加 bounty 20 悬赏积分。
parse-ask-bounty = 悬赏是 1 到 { $max } 之间的积分数，例如 /ask 怎样修复借用错误？bounty 20。
parse-accept = 回复那条回答并发送 /accept，或写 /accept 12 @成员。
parse-questions = 可写 /questions、/questions open、/questions mine 或 /questions tag rust。
drop-grammar-file-needs-path = `file` 后面需要文件路径，例如 file slides.pdf（路径含空格时加引号）。
