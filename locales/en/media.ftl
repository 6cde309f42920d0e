# Files drops carry: fetched once at scheduling, uploaded where a drop is not copied, linked
# past a platform's upload limit.
media-not-on-platform = files from this platform cannot be fetched here
media-store-full = it does not fit in the media folder (media.max_bytes): free room or raise the limit
drop-media-gone = { $name } cannot be delivered: { $why }
drop-media-lost = { $name } is no longer in the media folder
drop-media-too-big = { $name } is too big to upload to { $platform }, and the web side is off, so there is no link to send instead
drop-media-link = { $name } ({ $size }): { $link }
drop-media-not-fetched = { $name } could not be fetched, so this drop will not be delivered where it is uploaded: { $why }
drop-media-fetch-later = { $name } could not be fetched yet ({ $why }); Steward tries again before delivering.
drop-media-linked = { $name } ({ $size }) is over { $platform }'s { $limit } upload limit: it goes there as a link to the web side, open only to those who may see the drop.
media-fetch-failed = { $error }
telegram-file-too-big = Telegram lets bots fetch files of at most 20 MB
media-file-too-big = it is too big: Steward carries files of up to 100 MB, within the media folder's room
drop-file-console-only = A file is named by its path only on the console. Here, attach the file to a message and reply /drop to it.
