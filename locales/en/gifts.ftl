## Gifts: /gift @member PLAN [anonymous]

gift-link = A gift of { $tier } for { $name }, paid once in Telegram Stars: { $link }
gift-stars-only = Gifts are paid in Telegram Stars, and plan { $plan } has no Stars price.
gift-on-telegram = Gifts are paid in Telegram Stars: send /gift to the bot on Telegram.
gift-yourself = A gift is for someone else. For yourself: /subscribe { $plan }.
gift-already-lifetime = { $name } already has { $tier } for life.
gift-received = { $giver } gave you { $tier }, until { $until }. Enjoy!
gift-received-anonymous = Someone gave you { $tier }, until { $until }. Enjoy!
gift-delivered = Thank you! { $name } now has { $tier }, and has been told.
gift-code-recipient = a gift code
gift-code-issued = Thank you! Your gift code: { $code } ({ $plan }, { $term }). Give it to anyone: they send /redeem_gift { $code } to the bot, by { $day }. It works once.
gift-code-unknown = That is not a gift code of ours. Check it with whoever gave it to you.
gift-code-redeemed = That gift code has been used already.
gift-code-expired = That gift code has expired.
gift-code-refunded = That gift code's payment was refunded, so it no longer works.
gift-code-plan-gone = That gift code is for the plan { $plan }, which is no longer on sale: ask the operators, who can grant it.
gift-code-used = Your gift code { $code } was just used by { $name }.
gift-code-welcome = Welcome! The gift gives you { $tier } until { $until }.
web-gift-title = Give as a gift
web-gift-how = Buy a code by card and give it to anyone: they send /redeem_gift CODE to the bot. The code comes to you by direct message and is listed here.
web-gift-button = Buy a gift code by card
web-gift-codes-title = Gift codes you bought
web-gift-code-open = { $code } ({ $plan }): not used yet, good through { $day }
web-gift-code-used = { $code } ({ $plan }): used
