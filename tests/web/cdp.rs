//! Just enough of the Chrome DevTools Protocol to use a page as a person does: open an address,
//! press a button with the mouse, read the page and take its picture. Headless Chromium runs
//! with `--remote-debugging-port=0` in a fresh profile; the test talks to it over a WebSocket.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use base64::Engine as _;
use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// How long one answer or event may take before the test gives up on Chromium.
const PATIENCE: Duration = Duration::from_secs(60);

/// A headless Chromium with one page open.
pub struct Chromium {
    child: Child,
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    session: String,
    next_id: u64,
    /// Events read while waiting for an answer, oldest first.
    events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Chromium {
    /// Starts `binary` with a 1200-pixel-wide window `height` tall and opens a blank page.
    pub async fn start(binary: &Path, height: u32) -> Self {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--window-size=1200,{height}"))
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let url = tokio::task::spawn_blocking(move || {
            let mut lines = BufReader::new(stderr).lines().map_while(Result::ok);
            let url = lines.find_map(|line| {
                let at = line.find("ws://")?;
                Some(line[at..].trim().to_owned())
            });
            // Keep reading, so Chromium never blocks on a full pipe.
            std::thread::spawn(move || lines.for_each(drop));
            url
        })
        .await
        .unwrap()
        .expect("Chromium prints its DevTools address");
        let (socket, _) = tokio_tungstenite::connect_async(url.as_str())
            .await
            .unwrap();
        let mut chromium = Self {
            child,
            socket,
            session: String::new(),
            next_id: 0,
            events: Vec::new(),
            _profile: profile,
        };
        let target = chromium
            .browser_call("Target.createTarget", json!({ "url": "about:blank" }))
            .await;
        let attached = chromium
            .browser_call(
                "Target.attachToTarget",
                json!({ "targetId": target["targetId"], "flatten": true }),
            )
            .await;
        chromium.session = attached["sessionId"].as_str().unwrap().to_owned();
        chromium.call("Page.enable", json!({})).await;
        chromium
    }

    /// Opens `url` and waits until it has loaded.
    pub async fn open(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url })).await;
        self.wait_for("Page.loadEventFired").await;
    }

    /// Presses the first element matching `selector` with the mouse, and waits for the page
    /// its form leads to.
    pub async fn click_and_wait(&mut self, selector: &str) {
        let document = self.call("DOM.getDocument", json!({})).await;
        let found = self
            .call(
                "DOM.querySelector",
                json!({ "nodeId": document["root"]["nodeId"], "selector": selector }),
            )
            .await;
        assert_ne!(found["nodeId"], json!(0), "nothing matches {selector}");
        let model = self
            .call("DOM.getBoxModel", json!({ "nodeId": found["nodeId"] }))
            .await;
        let quad: Vec<f64> = model["model"]["content"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        let x = (quad[0] + quad[4]) / 2.0;
        let y = (quad[1] + quad[5]) / 2.0;
        for kind in ["mousePressed", "mouseReleased"] {
            let event = json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 });
            self.call("Input.dispatchMouseEvent", event).await;
        }
        self.wait_for("Page.loadEventFired").await;
    }

    /// Types `text` into the first element matching `selector`, as a person typing would
    /// leave it (its value set, an input event fired).
    pub async fn type_into(&mut self, selector: &str, text: &str) {
        let expression = format!(
            "(() => {{ const e = document.querySelector({selector}); e.focus(); e.value = {text}; \
             e.dispatchEvent(new Event('input', {{ bubbles: true }})); return true; }})()",
            selector = serde_json::to_string(selector).unwrap(),
            text = serde_json::to_string(text).unwrap(),
        );
        let answer = self
            .call(
                "Runtime.evaluate",
                json!({ "expression": expression, "returnByValue": true }),
            )
            .await;
        assert_eq!(answer["result"]["value"], json!(true), "{answer}");
    }

    /// The page's HTML as it stands.
    pub async fn dom(&mut self) -> String {
        let expression = "document.documentElement.outerHTML";
        let answer = self
            .call(
                "Runtime.evaluate",
                json!({ "expression": expression, "returnByValue": true }),
            )
            .await;
        answer["result"]["value"].as_str().unwrap().to_owned()
    }

    /// A PNG of the whole page.
    pub async fn screenshot(&mut self) -> Vec<u8> {
        let shot = self
            .call(
                "Page.captureScreenshot",
                json!({ "format": "png", "captureBeyondViewport": true }),
            )
            .await;
        base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().unwrap())
            .unwrap()
    }

    async fn browser_call(&mut self, method: &str, params: Value) -> Value {
        self.send(json!({ "method": method, "params": params }))
            .await
    }

    async fn call(&mut self, method: &str, params: Value) -> Value {
        let session = self.session.clone();
        self.send(json!({ "method": method, "params": params, "sessionId": session }))
            .await
    }

    async fn send(&mut self, mut message: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        message["id"] = json!(id);
        self.socket
            .send(Message::text(message.to_string()))
            .await
            .unwrap();
        loop {
            let read = self.read().await;
            if read["id"] == json!(id) {
                assert!(read.get("error").is_none(), "{message}: {read}");
                return read["result"].clone();
            }
            self.events.push(read);
        }
    }

    async fn wait_for(&mut self, event: &str) {
        if let Some(at) = self.events.iter().position(|e| e["method"] == event) {
            self.events.drain(..=at);
            return;
        }
        while self.read().await["method"] != event {}
    }

    async fn read(&mut self) -> Value {
        loop {
            let next = tokio::time::timeout(PATIENCE, self.socket.next())
                .await
                .expect("Chromium answers")
                .expect("Chromium keeps the connection")
                .unwrap();
            if let Message::Text(text) = next {
                return serde_json::from_str(&text).unwrap();
            }
        }
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
