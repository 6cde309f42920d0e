## Words several membership and drop texts share.
# Between items of a list: tiers, channels, perks.
membership-list-separator = {", "}
# Between the last items of a list read as one phrase: "your Basic and Pro membership".
membership-and-separator = {" and "}
# Between problems reported in one line.
membership-problem-separator = {"; "}
# A platform by its id: discord, telegram, console.
membership-platform = { $platform ->
        [discord] Discord
        [telegram] Telegram
       *[console] console
    }
# A span of time, one unit of it: $unit is w, d, h, m or s. Two units join with a space.
membership-span = { $n }{ $unit ->
        [w] w
        [d] d
        [h] h
        [m] m
       *[s] s
    }
membership-span-two = { $first } { $second }
membership-term-lifetime = lifetime
# How long a membership runs, after a tier's name: "Pro until …", "Pro for life".
membership-until = until { $at }
membership-for-life = for life

## A tier's perks in one line.
membership-perks = Perks: { $perks }.
membership-perk-xp = { $multiplier }x message XP
membership-perk-daily = +{ $bonus ->
        [one] { $bonus } point
       *[other] { $bonus } points
    } on /daily
membership-perk-drops = gated drops
membership-perk-access = { $platform ->
        [discord] a Discord role
        [telegram] the private Telegram group
       *[console] console access
    }

## Tiers named in commands.
tiers-none-configured = No tiers are configured; add [[tiers]] to steward.toml.
tiers-unknown = There is no tier `{ $tier }`. Tiers: { $tiers }.

## /tiers
tiers-empty = This community has no membership tiers.
tiers-header = Membership tiers:
tiers-line = { $name } ({ $id }): { $perks }
tiers-reward = /redeem { $reward } for { $cost ->
        [one] { $cost } point
       *[other] { $cost } points
    } of { $term }

## /membership
membership-none = You have no membership. /tiers shows the tiers and how to get them.
membership-yours = Your tier: { $tier } { $until }.
membership-also = Also running: { $tiers }.

## /member grant|extend|revoke|list (operators)
member-extend-none = { $name } has no running { $tier } membership; use /member grant.
member-granted = { $name } is now { $tier } { $until }.
member-access-problems = Access could not be given everywhere: { $problems }
member-access-problem = { $platform } access for { $account }: { $error }
member-revoke-none = { $name } has no running membership.
member-revoke-none-in = { $name } has no running membership in { $tier }.
member-revoked = Revoked { $tiers } from { $name }.
member-list-empty = No running memberships.
member-list-header = Running memberships ({ $count }):
member-erased-name = (erased member #{ $id })
member-list-line = { $name }: { $tier } { $until }
member-list-more = ... and { $count } more.
member-lifetime-already = { $tier } already runs for life here, so { $term } would add nothing; nothing was charged or changed.

## DMs to the member.
membership-welcome = Welcome to { $tier }! It runs { $until }. { $perks }
membership-extended = Your { $tier } membership now runs { $until }.
membership-revoked = An operator ended your { $tiers } membership. /membership shows what you still have.
membership-ended = Your { $tier } membership has ended. /tiers shows how to renew it.
membership-reminder = Your { $tier } membership ends in { $left } ({ $at }). Renew with /shop, or ask an operator.

## Reports to operators.
membership-dry-run = Dry run (membership.enforce = false): { $name } would lose { $tier } access now. Nothing was removed.
membership-revoke-failed = Could not remove { $tier } access of { $name } ({ $account }): { $error }

## /shop and /redeem
shop-empty = The shop is empty.
shop-header = Shop (you have { $balance ->
        [one] { $balance } point
       *[other] { $balance } points
    }):
shop-line = { $reward }: { $name }, { $cost ->
        [one] { $cost } point
       *[other] { $cost } points
    } ({ $tier } for { $term }) - /redeem { $reward }
# What autocomplete offers while someone types /redeem.
shop-choice = { $name } ({ $cost ->
        [one] { $cost } point
       *[other] { $cost } points
    })
redeem-unknown = There is no reward `{ $reward }`. Rewards: { $rewards }. See /shop.
redeem-repeated = That request was already carried out: { $name } is yours.
redeem-too-poor = { $name } costs { $cost ->
        [one] { $cost } point
       *[other] { $cost } points
    }; you have { $balance ->
        [one] { $balance } point
       *[other] { $balance } points
    }.
redeem-done = Redeemed { $name } for { $cost ->
        [one] { $cost } point
       *[other] { $cost } points
    }: you are { $tier } { $until }. Balance: { $balance ->
        [one] { $balance } point
       *[other] { $balance } points
    }.
redeem-access-pending = Access could not be given everywhere yet; an operator has been told.
redeem-access-report = Access problems after a redemption: { $problems }
