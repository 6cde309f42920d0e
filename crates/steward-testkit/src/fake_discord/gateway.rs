//! The fake's gateway: HELLO, IDENTIFY → READY and GUILD_CREATE (a large guild without its
//! member list, as Discord sends it), heartbeat acks, RESUME with the missed dispatches.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use serde_json::{Value, json};
use tokio::sync::mpsc;

use super::{Inner, Outgoing, payloads};
use crate::lock;

pub(super) fn dispatch(inner: &Inner, kind: &str, data: Value) {
    let mut gateway = lock(&inner.gateway);
    gateway.seq += 1;
    let frame = json!({"op": 0, "t": kind, "s": gateway.seq, "d": data});
    gateway.log.push(frame.clone());
    if let Some(live) = &gateway.live {
        let _ = live.send(Outgoing::Frame(frame));
    }
}

pub(super) async fn upgrade(ws: WebSocketUpgrade, State(inner): State<Arc<Inner>>) -> Response {
    ws.on_upgrade(move |socket| session(socket, inner))
}

async fn session(mut socket: WebSocket, inner: Arc<Inner>) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let hello = json!({"op": 10, "d": {"heartbeat_interval": 41250}});
    if socket.send(Message::text(hello.to_string())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let Some(Ok(Message::Text(text))) = incoming else { return };
                let Ok(payload) = serde_json::from_str::<Value>(&text) else { continue };
                on_payload(&inner, &tx, &payload);
            }
            outgoing = rx.recv() => match outgoing {
                Some(Outgoing::Frame(frame)) => {
                    if socket.send(Message::text(frame.to_string())).await.is_err() {
                        return;
                    }
                }
                Some(Outgoing::Close(code)) => {
                    let frame = CloseFrame { code, reason: "reconnect".into() };
                    let _ = socket.send(Message::Close(Some(frame))).await;
                    return;
                }
                None => {
                    let frame = CloseFrame { code: 4000, reason: "reconnect".into() };
                    let _ = socket.send(Message::Close(Some(frame))).await;
                    return;
                }
            }
        }
    }
}

fn on_payload(inner: &Inner, tx: &mpsc::UnboundedSender<Outgoing>, payload: &Value) {
    match payload["op"].as_u64() {
        Some(1) => {
            let _ = tx.send(Outgoing::Frame(json!({"op": 11})));
        }
        Some(2) => {
            lock(&inner.identifies).push(payload["d"].clone());
            // GUILD_MEMBERS | MESSAGE_CONTENT are privileged.
            let privileged = payload["d"]["intents"].as_u64().unwrap_or(0) & (2 | 32768) != 0;
            let token = payload["d"]["token"].as_str().unwrap_or_default();
            if token.trim_start_matches("Bot ") != "discord-test-token" {
                let _ = tx.send(Outgoing::Close(4004));
                return;
            }
            if privileged && inner.refuse_privileged_intents.load(Ordering::SeqCst) {
                let _ = tx.send(Outgoing::Close(4014));
                return;
            }
            {
                let mut gateway = lock(&inner.gateway);
                gateway.session += 1;
                gateway.seq = 0;
                gateway.log.clear();
                gateway.live = Some(tx.clone());
            }
            let session = format!("session-{}", lock(&inner.gateway).session);
            let url = lock(&inner.ws_url).clone();
            dispatch(inner, "READY", payloads::ready(&session, &url));
            // Like Discord, a guild above the client's large_threshold comes without its
            // member list (only the count); smaller ones list everyone.
            let threshold = payload["d"]["large_threshold"].as_u64().unwrap_or(50) as usize;
            let members = lock(&inner.members).clone();
            let mut guild = payloads::guild(&members);
            if members.len() > threshold {
                guild["members"] = json!([]);
                guild["large"] = json!(true);
            }
            dispatch(inner, "GUILD_CREATE", guild);
        }
        Some(6) => {
            inner.resumes.fetch_add(1, Ordering::SeqCst);
            let after = payload["d"]["seq"].as_u64().unwrap_or(0);
            let missed: Vec<Value> = {
                let mut gateway = lock(&inner.gateway);
                gateway.live = Some(tx.clone());
                gateway
                    .log
                    .iter()
                    .filter(|f| f["s"].as_u64().unwrap_or(0) > after)
                    .cloned()
                    .collect()
            };
            for frame in missed {
                let _ = tx.send(Outgoing::Frame(frame));
            }
            dispatch(inner, "RESUMED", json!({}));
        }
        _ => {}
    }
}
