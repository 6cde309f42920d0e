## Referrals: /invite and /start ref-CODE

invite-code = Your invite code is { $code }. Someone new sends /start ref-{ $code } to the bot (on Telegram, the link t.me/BOT?start=ref-{ $code } does it in one tap, with the bot's name for BOT).
invite-code-link = Your invite code is { $code }. Share the link { $link }: it opens the bot and counts them as yours. Elsewhere (Discord, the console), someone new sends /start ref-{ $code } to the bot.
invite-reward = When someone you invited first pays, you earn { $xp } XP and { $days } more days of your tier, { $hold } days later (a refund meanwhile earns nothing).
invite-stats = Your invitations: { $joined } joined, { $paid } paid ({ $pending } waiting out the hold, { $reversed } refunded). Earned: { $xp } XP and { $days } days.
invite-unknown = That invite code is not one of ours. Check it with whoever sent it.
invite-own = That is your own invite code: share it with someone new.
invite-welcome = You came with a member's invite: welcome!
invite-credited = Someone you invited has been paying for a while: +{ $xp } XP. Thank you for bringing them!
invite-credited-days = Someone you invited has been paying for a while: +{ $xp } XP and { $days } more days of { $tier }. Thank you for bringing them!

web-dash-funnel-referred = Came by a member's invite
web-dash-funnel-referred-paid = Paying members brought by an invite

web-invite-title = A member invited you to { $community }
web-invite-telegram = On Telegram, open this link: it starts the bot and counts you as their guest:
web-invite-elsewhere = Anywhere else (Discord), send /start ref-{ $code } to the bot.
