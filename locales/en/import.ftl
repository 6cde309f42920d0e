## Importing XP from other bots (`steward import`), and the rows it cannot read.
import-not-mee6 = This is not MEE6's leaderboard JSON (an object with a "players" list): { $error }
import-not-json-list = This is not a JSON list of {"{"}"id", "platform", "xp"{"}"} rows: { $error }
import-row-shape = the row needs an id and an xp: { $error }
import-row-id = the id must be a number or text
import-row-xp = `{ $xp }` is not an XP amount (a whole number from 0 to { $max })
import-row-twice = `{ $id }` appears twice; entry { $first } counts
