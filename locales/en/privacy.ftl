## /privacy export and /privacy delete

privacy-export-caption = Everything { $community } holds about you, table by table. Times are milliseconds since 1970 (UTC); other members' ids are left out.
privacy-export-notes = Times are milliseconds since 1970-01-01 UTC; days are the community's calendar days. Ids of other members are null.
privacy-export-sent = I sent your data to you by direct message: { $name } ({ $kilobytes } KB).
privacy-export-failed = I couldn't send you the file: { $error }

privacy-erase-what-self = Erasing your data removes your platform accounts and names, link codes, thanks given and received, your language settings, the reasons written on your points history, and your place on every leaderboard (at once). The points history keeps anonymous rows, so the community's totals still add up; your ratings stay, with no name. This cannot be undone: if you write again, you start from zero.
privacy-erase-what-other = Erasing { $name }'s data removes their platform accounts and names, link codes, thanks given and received, language settings, the reasons written on their points history, and their place on every leaderboard (at once). The points history keeps anonymous rows, so the community's totals still add up. This cannot be undone: if they write again, they start from zero.
privacy-erase-memberships-kept = Running memberships: { $list }. They keep running until they end; only the platform accounts their access needs are kept (without names), to remove that access then. To end them now as well (no refund), ask with { $command }.
privacy-erase-memberships-end = Running memberships: { $list }. They end now, with the access they give (no refund).
privacy-erase-confirm-hint = To go ahead, send { $command } within { $minutes } minutes.
privacy-erase-others-operator-only = Only operators can erase another member's data, at that member's request.
privacy-erase-nothing-asked = No erasure is waiting for your confirmation. Start with { $command }.
privacy-erase-expired = That erasure was asked more than { $minutes } minutes ago. Ask again with { $command }.
privacy-erase-done-self = Done: your data is erased from { $community }. Thank you for having been part of it.
privacy-erase-done-other = Done: { $name }'s data is erased. The erasure is logged.
privacy-erase-done-kept = The running memberships keep their access until they end.
privacy-erase-logged = { $operator } erased member #{ $member } at the member's request.
