## 团队席位：/team、/team create、/team add、/team remove

team-no-plans = 这里没有按席位出售的方案。管理员可在配置中为方案设置 seats = true。
team-plan-unknown = 方案 { $plan } 不按席位出售。按席位出售的方案：{ $plans }。
team-manager-operators = 只有管理员可以指定其他成员担任团队管理者。去掉“manager @成员”即由你自己管理。
team-stars-only = 方案 { $plan } 没有 Stars 价格，其席位由管理员授予：请联系管理员。
team-on-telegram = 席位用 Telegram Stars 支付：请在 Telegram 上向机器人发送 /team create。
team-too-many-seats = 这么多席位无法放进一张 Stars 账单：按此价格最多 { $most } 个。更大的团队请联系管理员。
team-name-taken = 已有名为 { $team } 的团队。请换一个名字。
team-manages-one = { $name } 已在管理团队 { $team }。每位成员同一时间只能管理一个团队。
team-invoice-title = { $tier } 团队 { $team }
team-invoice-description = { $tier }，{ $seats } 个席位，{ $term }，一次付清
team-link = 团队 { $team }（{ $seats } 个席位）的付款链接，使用 Telegram Stars：{ $link }
team-paid = 谢谢！团队 { $team } 已开通，有效期至 { $until }，共 { $seats } 个席位。用 /team add @成员 分配席位；/team 查看席位情况。
team-paid-twice = 团队 { $team } 收到一笔付款（#{ $id }），但该团队已开通或已被更新的订单取代：这笔付款未生效。请用 /payments refund { $id } 退款。
team-created = 团队 { $team } 已就绪：{ $tier }，{ $seats } 个席位，有效期至 { $until }，由 { $name } 管理。
team-manager-told = 你是团队 { $team } 的管理者：{ $tier }，{ $seats } 个席位，有效期至 { $until }。用 /team add @成员 分配席位；/team 查看你的团队。
team-none = 你没有管理团队，也没有席位。用 /team create 名称 方案 席位数 购买团队。
team-unpaid = 团队 { $team } 未在运行：它在等待付款，或已到期。
team-waiting-payment = 团队 { $team } 正在等待付款：付款链接已私信发给你。
team-full = 团队 { $team } 的席位已满（{ $seats } 个）。用 /team remove @成员 释放一个。
team-already-seated = { $name } 已在团队 { $team } 中拥有席位。
team-not-seated = { $name } 在团队 { $team } 中没有席位。
team-seat-added = { $name } 已获得团队 { $team } 的席位（已用 { $taken }/{ $seats }），并已收到通知。
team-seat-freed = { $name } 在团队 { $team } 的席位已释放（空余 { $free } 个）。
team-seat-given = 你获得了团队 { $team } 的席位：{ $tier }，有效期至 { $until }。{ $manager } 管理该团队，可以看到你的学习进度（你开始的课程和标记完成的课时），除此之外看不到任何内容。
team-seat-removed = 你在团队 { $team } 的席位已结束。你自己购买的内容不受影响。
team-ended-seat = 团队 { $team } 已结束，你的席位所提供的 { $tier } 也随之结束。
team-ended-manager = 你的团队 { $team } 已结束：{ $seats } 个席位已关闭。用 /team create 开一个新团队。
team-your-seat = 你在团队 { $team } 中拥有席位（{ $tier }，有效期至 { $until }），由 { $manager } 管理。管理者可以看到你的学习进度：你开始的课程和标记完成的课时，除此之外看不到任何内容。
team-view-header = 团队 { $team }：{ $tier }，已用 { $taken }/{ $seats } 个席位，有效期至 { $until }
team-view-empty = 还没有分配席位：/team add @成员。
team-view-member = • { $name }：{ $progress }
team-view-member-none = • { $name }：尚未开始任何课程
team-view-course = { $course } { $done }/{ $all }
checkout-team-gone = 这张账单对应的团队已付款或已被更新的订单取代。发送 /team 查看你的团队。
plan-team-only = 方案 { $plan } 按团队席位出售：/team create 名称 { $plan } 席位数。
plan-price-stars-seat = 每个席位 { $stars } Stars，通过 /team create 购买
