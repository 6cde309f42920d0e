-- Small durable values adapters keep between runs, such as Telegram's next update offset.
CREATE TABLE adapter_state (
    -- Namespaced by adapter: 'telegram.update_offset'.
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
