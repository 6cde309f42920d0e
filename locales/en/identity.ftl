## Naming a member in a command.
target-missing = Name the member, or reply to one of their messages.
target-bot = { $name } is a bot, not a member.
target-unseen = No such member: { $name } has not been seen here yet.
target-unknown = I don't know @{ $token } here yet. Mention them, or reply to one of their messages.

## /link
link-code = Your link code is { $code }. Within { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }, send /link { $code } to me from your account on the other platform. Everything you earned on both accounts will be added together.
link-code-sent = I've sent you a link code in a direct message.
link-dm-closed = I couldn't send you a direct message. Open a private chat with me and send /link there.
link-done = Linked: your { $platforms } accounts are now one member with Level { $level }, { $xp } XP and { $balance ->
        [one] 1 point
       *[other] { $balance } points
    }.
# Platform names in a sentence: "Telegram and Discord", "console, Telegram and Discord".
link-platforms-two = { $first } and { $second }
link-platforms-more = { $first }, { $rest }
