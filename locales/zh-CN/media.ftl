# 推送携带的文件：排期时获取一次，无法复制消息的平台上传文件，超过平台上传上限时发送链接。
media-not-on-platform = 此处无法从该平台获取文件
media-store-full = 媒体文件夹（media.max_bytes）放不下它：请腾出空间或调高上限
drop-media-gone = { $name } 无法送达：{ $why }
drop-media-lost = { $name } 已不在媒体文件夹中
drop-media-too-big = { $name } 太大，无法上传到 { $platform }，且网页端已关闭，没有可代替的链接
drop-media-link = { $name }（{ $size }）：{ $link }
drop-media-not-fetched = 无法获取 { $name }，因此这条推送在需要上传文件的地方不会送达：{ $why }
drop-media-fetch-later = 暂时无法获取 { $name }（{ $why }）；送达前 Steward 会再试。
drop-media-linked = { $name }（{ $size }）超过 { $platform } 的 { $limit } 上传上限：将以网页端链接发送，只有能看到这条推送的人才能打开。
media-fetch-failed = { $error }
telegram-file-too-big = Telegram 只允许机器人获取不超过 20 MB 的文件
media-file-too-big = 文件太大：Steward 只携带不超过 100 MB 的文件，且不超过媒体文件夹的剩余空间
drop-file-console-only = 只有在控制台里才能用路径指定文件。在这里，请把文件附在消息里，再回复 /drop。
