## Paid plans: /plans, /subscribe, /subscription, /paysupport, /payments

payments-not-on-platform = this platform takes no payments
plans-none = Nothing is on sale here yet.
plans-header = Plans on sale:
plan-line = { $plan }: { $tier }, { $term } — { $prices }
plan-price-stars = { $stars } { $stars ->
        [one] Star
       *[other] Stars
    }
plan-price-stars-monthly = { $stars } { $stars ->
        [one] Star
       *[other] Stars
    } a month, renews by itself
plan-price-card = by card
plans-footer = Buy one with /subscribe PLAN.
plan-unknown = There is no plan called “{ $plan }”. /plans lists what is on sale.
subscribe-card-later = Plan { $plan } is paid by card, which is not set up here yet. Ask an operator.
subscribe-on-telegram = Plan { $plan } is paid in Telegram Stars: send /subscribe { $plan } to the bot on Telegram.
subscribe-already-lifetime = You already have { $tier } for life; there is nothing to buy.
invoice-title = { $tier }
invoice-description = { $tier } for { $term }.
invoice-description-monthly = { $tier }, renewed every 30 days until you cancel.
invoice-description-lifetime = { $tier } for life.
subscribe-failed = I could not make a payment link: { $error }
subscribe-link = Here is your payment link for { $tier }: { $link }
    Your membership starts as soon as Telegram confirms the payment.
subscribe-dm-failed = I could not send you the payment link: { $error }
subscribe-sent = I sent you a payment link by direct message.
paysupport = Trouble with a payment to { $community }? Write to the operators here, with the date and the plan; /subscription shows what you have paid for. Refunds are made by the operators, and Telegram's own terms apply to Stars payments.
checkout-bad-reference = This invoice was not made by this community's bot. Ask for a new one with /subscribe.
checkout-expired = This payment link is more than a week old. Send /subscribe { $plan } for a new one; nothing was charged.
checkout-not-on-sale = Plan { $plan } is no longer on sale. /plans lists what is.
checkout-wrong-price = The price of this invoice is not the plan's price any more. Ask for a new one with /subscribe.
checkout-already-lifetime = You already have this tier for life; nothing was charged.
payment-thanks = Thank you! { $tier } is yours, { $until }.
payment-renewed = Your { $tier } renewed: it runs { $until }.
payment-problem = Your payment arrived, but I could not match it to a plan. The operators have been told and will sort it out; /paysupport tells you how to reach them.
payment-not-applied = A payment (charge { $charge }) arrived but could not be applied. Look at /payments; refund it with /payments refund if needed.
payment-refunded = Your payment for { $tier } was refunded, and the membership it paid for has ended.
payment-refunded-left = Your payment for { $tier } was refunded and the time it paid for taken back: your membership now runs { $until }.
refund-already = Payment #{ $id } was refunded already. /payments lists the refund.
refund-unknown = There is no payment #{ $id } to refund. /payments lists them.
refund-at-provider = Payment #{ $id } was made by card: refund it in the Stripe dashboard; Steward applies the refund when Stripe reports it.
refund-failed = Payment #{ $id } could not be refunded: { $error }
refund-done = Payment #{ $id } ({ $amount }) was refunded and what it paid for has ended.
subscription-none = You have no paid plan. /plans shows what is on sale.
subscription-header = Your paid plans:
subscription-renews = { $tier } ({ $plan }): renews by itself, paid { $until }. /subscription cancel stops renewal.
subscription-ends = { $tier } ({ $plan }): paid { $until }; it does not renew.
subscription-portal-sent = I sent you a link to update your card and see your invoices by direct message.
subscription-portal-link = Update your card and see your invoices: { $link }
    The link is yours alone and works for a short while; send /subscription again for a new one.
subscription-portal-failed = The page to update your card could not be opened: { $error }
subscription-nothing-renews = None of your plans renews by itself, so there is nothing to cancel.
subscription-cancel-failed = Plan { $plan } could not be cancelled: { $error }
subscription-cancelled = Plan { $plan } will not renew; your access runs { $until }.
payments-none = No payments yet.
payments-header = Latest payments:
payments-header-of = Payments of { $name }:
payments-line = #{ $id } { $when } { $kind } { $plan }: { $amount } (member { $member })
subscribe-card-link = Pay for { $tier } by card: { $link }
    Your membership starts as soon as the payment is confirmed.
subscribe-already-renewing = Your plan { $plan } already renews by itself; /subscription shows until when.
payment-failed = Your payment for { $tier } did not go through. Your access stays { $until }; update your card before then (/subscription sends you a link to do it), or it ends.
subscription-ended = Your subscription to { $tier } has ended, and so has the membership it paid for.
stripe-unreachable = Stripe could not be reached; try again in a minute.
stripe-bad-answer = Stripe gave an answer Steward could not read (HTTP { $status }).
stripe-refused = Stripe refused (HTTP { $status }): { $reason }
payment-trial = Your free trial of { $tier } has begun: it runs { $until }. Your card is charged when it ends unless you cancel first (/subscription cancel).
refund-on-discord = Payment #{ $id } was made through Discord, which makes its refunds (the member asks Discord support); Steward ends the tier when Discord reports it.
plan-price-discord = a subscription in Discord's store
subscribe-in-discord = Plan { $plan } is sold in Discord's store: open the bot's profile on Discord and choose Store (or Subscribe) to buy it.
plan-price-card-trial = by card, the first { $days } days free
payment-mismatch = Payment #{ $id } paid { $paid } for plan { $plan }, which costs { $price }: it does not pay for the plan, so nothing was granted. Refund it with /payments refund { $id }.
payment-stale-reference = Payment #{ $id } paid { $paid } for plan { $plan } with a payment reference more than a week old (copied from an old invoice or replayed), so nothing was granted. Refund it with /payments refund { $id }, or grant the tier with /member grant.
payment-stale-payer = This payment came from a payment link more than a week old, so nothing was granted. The operators have been told and will refund it or grant the plan; /subscribe { $plan } makes a new link.
payment-mismatch-payer = This payment does not match the price of plan { $plan }, so nothing was granted. The operators have been told and will refund it; /paysupport tells you how to reach them.
plan-price-stripe = Stripe price { $price }
plan-price-none = no price with this provider
start-greeting = Welcome to { $community }! I keep the community's points, ranks, memberships and lessons. Send /help to see what you can do.
start-plans = /plans lists the memberships on sale.
refund-renewal-stopped = Its Stars subscription was cancelled at Telegram: it will not charge again.
refund-renewal-not-stopped = Telegram could not cancel the refunded Stars subscription ({ $error }): it may charge again. Ask the member to cancel it in Telegram, or try /payments refund again later.
link-access-failed = After a /link, { $account } could not be given the access of { $tier }: { $error }. Give it by hand, or run /member extend for that member again.
