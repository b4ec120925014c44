//! A small static file server for the built dist on 127.0.0.1, so the tests need nothing but
//! the dist folder. It can mount the dist under a sub-path, as a static host would.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::thread;

type Mounts = Arc<RwLock<Vec<(String, PathBuf)>>>;
/// A path suffix whose requests wait until released, and the signal that releases them.
type Hold = Arc<(Mutex<Option<String>>, Condvar)>;

pub struct StaticServer {
    pub port: u16,
    /// The URL of the app's index, ending in '/'.
    pub base_url: String,
    mounts: Mounts,
    offline: Arc<AtomicBool>,
    hold: Hold,
}

impl StaticServer {
    /// Serves `root` at `prefix` (e.g. "/" or "/reports/yandu/") on a free loopback port.
    pub fn start(root: &Path, prefix: &str) -> std::io::Result<StaticServer> {
        Self::start_with(root, prefix, Vec::new())
    }

    /// As [`StaticServer::start`], with more folders mounted at their own prefixes (test
    /// fixtures), tried first.
    pub fn start_with(
        root: &Path,
        prefix: &str,
        extra: Vec<(String, PathBuf)>,
    ) -> std::io::Result<StaticServer> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let mut list = extra;
        list.push((prefix.to_string(), root.to_path_buf()));
        let mounts: Mounts = Arc::new(RwLock::new(list));
        let offline = Arc::new(AtomicBool::new(false));
        let base_url = format!("http://127.0.0.1:{port}{prefix}");
        let hold: Hold = Arc::new((Mutex::new(None), Condvar::new()));
        let (m, o, h) = (mounts.clone(), offline.clone(), hold.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if o.load(Ordering::SeqCst) {
                    // As if the network were gone: close without an answer.
                    drop(stream);
                    continue;
                }
                let list = m.read().map(|l| l.clone()).unwrap_or_default();
                let h = h.clone();
                thread::spawn(move || {
                    let _ = serve(stream, &list, &h);
                });
            }
        });
        Ok(StaticServer {
            port,
            base_url,
            mounts,
            offline,
            hold,
        })
    }

    /// Refuses every request while `offline` is true.
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
    }

    /// Keeps every request for a path ending in `suffix` waiting until [`StaticServer::release`]
    /// (a slow network for that one file).
    pub fn hold(&self, suffix: &str) {
        if let Ok(mut held) = self.hold.0.lock() {
            *held = Some(suffix.to_string());
        }
    }

    /// Answers the requests kept waiting by [`StaticServer::hold`].
    pub fn release(&self) {
        if let Ok(mut held) = self.hold.0.lock() {
            *held = None;
        }
        self.hold.1.notify_all();
    }

    /// Serves another folder at the app's prefix from now on (a new release).
    pub fn set_root(&self, root: &Path) {
        if let Ok(mut list) = self.mounts.write() {
            if let Some(last) = list.last_mut() {
                last.1 = root.to_path_buf();
            }
        }
    }
}

fn serve(mut stream: TcpStream, mounts: &[(String, PathBuf)], hold: &Hold) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; the server needs none of them.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if let Ok(held) = hold.0.lock() {
        let _released = hold
            .1
            .wait_while(held, |h| h.as_deref().is_some_and(|s| path.ends_with(s)));
    }
    let file = mounts
        .iter()
        .find_map(|(prefix, root)| resolve(root, prefix, path));
    let (status, body, kind) = match file.as_deref().map(std::fs::read) {
        Some(Ok(bytes)) => ("200 OK", bytes, content_type(file.as_deref().unwrap())),
        _ => (
            "404 Not Found",
            b"not found".to_vec(),
            "text/plain; charset=utf-8",
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// The file for a request path under `prefix`, or `None` outside it or outside `root`.
fn resolve(root: &Path, prefix: &str, path: &str) -> Option<PathBuf> {
    let rest = path.strip_prefix(prefix)?;
    let rest = if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_string()
    };
    let relative = Path::new(&rest);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let full = root.join(relative);
    full.is_file().then_some(full)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Copies a dist folder, to serve a changed copy of it (a new release, a missing file).
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
