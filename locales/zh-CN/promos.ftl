## 优惠码：/promo（管理员）与 /subscribe 方案 优惠码

promo-unknown = 没有优惠码 { $code }。请与提供者核对拼写。
promo-other-plan = 优惠码 { $code } 适用于方案 { $plan }：/subscribe { $plan } { $code }。
promo-expired = 优惠码 { $code } 已结束。
promo-used-up = 优惠码 { $code } 的名额已用完。
promo-already-used = 你已用过优惠码 { $code }；每位成员限用一次。
promo-stars-only = 优惠码 { $code } 设定的是 Telegram 星星价格：请在 Telegram 使用，/subscribe { $plan } { $code }。
promo-created = 已创建。{ $line }。成员发送 /subscribe { $plan } { $code } 即可使用。
promo-ended = 优惠码 { $code } 已停用：此后无人可再使用。此前用它打开的付款一周内仍可完成。
promo-exists = 已有优惠码 { $code }（停用的优惠码仍占用其名称）。请换一个。
promo-price-too-high = 优惠价必须低于方案 { $plan } 的 { $stars } ⭐。
promo-no-stars = 方案 { $plan } 没有星星价格：请改用百分比折扣。
promo-until-past = 那一天已经过去：请给出今天或之后的日期。
promo-list-none = 还没有优惠码。/promo create 优惠码 方案 percent N 可创建一个。
promo-list-header = 优惠码（使用：已付款，未完成的付款）：
promo-uses = 已付款 { $paid }，未完成 { $open }
promo-uses-of = 已付款 { $paid }，未完成 { $open }，共 { $limit } 个名额
promo-ended-mark = {" "}· 已停用
promo-percent-stars = { $plan } 减 { $percent }%（{ $stars } ⭐，原价 { $full } ⭐）
promo-percent = { $plan } 减 { $percent }%
promo-stars = { $plan } 只需 { $stars } ⭐，原价 { $full } ⭐（仅限星星）
promo-until = 截至 { $day }
promo-first-term-only = 仅首期
subscribe-promo = 优惠码 { $line }。
checkout-promo-spent = 此账单的优惠码 { $code } 已被使用或不再为你保留。请重新发送 /subscribe。
web-promo-code = 优惠码（可选）
