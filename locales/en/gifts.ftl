## Gifts: /gift @member PLAN [anonymous]

gift-link = A gift of { $tier } for { $name }, paid once in Telegram Stars: { $link }
gift-stars-only = Gifts are paid in Telegram Stars, and plan { $plan } has no Stars price.
gift-on-telegram = Gifts are paid in Telegram Stars: send /gift to the bot on Telegram.
gift-yourself = A gift is for someone else. For yourself: /subscribe { $plan }.
gift-already-lifetime = { $name } already has { $tier } for life.
gift-received = { $giver } gave you { $tier }, until { $until }. Enjoy!
gift-received-anonymous = Someone gave you { $tier }, until { $until }. Enjoy!
gift-delivered = Thank you! { $name } now has { $tier }, and has been told.
