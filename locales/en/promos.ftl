## Promo codes: /promo (operators) and /subscribe PLAN CODE

promo-unknown = There is no promo code { $code }. Check the spelling with whoever gave it to you.
promo-other-plan = The code { $code } is for the plan { $plan }: /subscribe { $plan } { $code }.
promo-expired = The code { $code } has ended.
promo-used-up = Every use of the code { $code } has been taken.
promo-already-used = You have used the code { $code } already; it is once per member.
promo-stars-only = The code { $code } sets a price in Telegram Stars: use it on Telegram, /subscribe { $plan } { $code }.
promo-created = Made. { $line }. Members type /subscribe { $plan } { $code }.
promo-ended = The code { $code } has ended: nobody can take it from now on. Checkouts opened with it before can still be paid for a week.
promo-exists = There is a promo code { $code } already (ended ones keep their code). Choose another.
promo-price-too-high = A promo price must be below the plan's { $stars } ⭐ ({ $plan }).
promo-no-stars = The plan { $plan } has no price in Stars: give a percent off instead.
promo-until-past = That day has passed: give a day from today on.
promo-list-none = No promo codes yet. /promo create CODE PLAN percent N makes one.
promo-list-header = Promo codes (uses: paid, open checkouts):
promo-uses = { $paid } paid, { $open } open
promo-uses-of = { $paid } paid, { $open } open, of { $limit }
promo-ended-mark = {" "}· ended
promo-percent-stars = { $percent }% off { $plan } ({ $stars } ⭐ instead of { $full } ⭐)
promo-percent = { $percent }% off { $plan }
promo-stars = { $plan } for { $stars } ⭐ instead of { $full } ⭐ (Stars only)
promo-until = until { $day }
promo-first-term-only = first term only
subscribe-promo = Promo code { $line }.
checkout-promo-spent = This invoice's promo code { $code } is used already or no longer held for you. Send /subscribe again.
web-promo-code = Promo code (optional)
