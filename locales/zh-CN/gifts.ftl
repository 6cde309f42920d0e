## 赠送：/gift @成员 方案 [anonymous]

gift-link = 送给 { $name } 的 { $tier }，用 Telegram Stars 一次付清：{ $link }
gift-stars-only = 赠送用 Telegram Stars 支付，而方案 { $plan } 没有 Stars 价格。
gift-on-telegram = 赠送用 Telegram Stars 支付：请在 Telegram 上向机器人发送 /gift。
gift-yourself = 赠送是给别人的。给自己买：/subscribe { $plan }。
gift-already-lifetime = { $name } 已永久拥有 { $tier }。
gift-received = { $giver } 送了你 { $tier }，有效期至 { $until }。尽情享用！
gift-received-anonymous = 有人送了你 { $tier }，有效期至 { $until }。尽情享用！
gift-delivered = 谢谢！{ $name } 现在拥有 { $tier }，并已收到通知。
gift-code-recipient = 一个礼品码
gift-code-issued = 谢谢！你的礼品码：{ $code }（{ $plan }，{ $term }）。可送给任何人：对方在 { $day } 前向机器人发送 /redeem_gift { $code } 即可。只能使用一次。
gift-code-unknown = 这不是本社区的礼品码。请与赠送者核对。
gift-code-redeemed = 这个礼品码已被使用。
gift-code-expired = 这个礼品码已过期。
gift-code-refunded = 这个礼品码的付款已退款，因此不再有效。
gift-code-plan-gone = 这个礼品码对应的方案 { $plan } 已下架：请联系管理员，他们可以直接授予。
gift-code-used = 你的礼品码 { $code } 刚被 { $name } 使用。
gift-code-welcome = 欢迎！这份礼物让你获得 { $tier }，有效期至 { $until }。
web-gift-title = 作为礼物赠送
web-gift-how = 用银行卡购买礼品码，送给任何人：对方向机器人发送 /redeem_gift 礼品码 即可。礼品码会私信发给你，并列在这里。
web-gift-button = 用银行卡购买礼品码
web-gift-codes-title = 你购买的礼品码
web-gift-code-open = { $code }（{ $plan }）：尚未使用，有效期至 { $day }
web-gift-code-used = { $code }（{ $plan }）：已使用
