## 赠送：/gift @成员 方案 [anonymous]

gift-link = 送给 { $name } 的 { $tier }，用 Telegram Stars 一次付清：{ $link }
gift-stars-only = 赠送用 Telegram Stars 支付，而方案 { $plan } 没有 Stars 价格。
gift-on-telegram = 赠送用 Telegram Stars 支付：请在 Telegram 上向机器人发送 /gift。
gift-yourself = 赠送是给别人的。给自己买：/subscribe { $plan }。
gift-already-lifetime = { $name } 已永久拥有 { $tier }。
gift-received = { $giver } 送了你 { $tier }，有效期至 { $until }。尽情享用！
gift-received-anonymous = 有人送了你 { $tier }，有效期至 { $until }。尽情享用！
gift-delivered = 谢谢！{ $name } 现在拥有 { $tier }，并已收到通知。
