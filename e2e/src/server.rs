//! A small static file server for the built dist on 127.0.0.1, so the tests need nothing but
//! the dist folder. It can mount the dist under a sub-path, as a static host would, and
//! compress with gzip, as static hosts do (the benchmark turns that on).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::thread;

use crate::sizes::gzip;

type Mounts = Arc<RwLock<Vec<(String, PathBuf)>>>;
/// A path suffix whose requests wait until released, and the signal that releases them.
type Hold = Arc<(Mutex<Option<String>>, Condvar)>;
/// A path suffix and a piece of text: a file's bytes from that text on wait until released.
type TailHold = Arc<(Mutex<Option<(String, String)>>, Condvar)>;
/// Whether to gzip, and the files gzipped so far (by path, length and time of change).
type Gzip = Arc<(AtomicBool, Mutex<GzipCache>)>;
type GzipCache = std::collections::HashMap<(PathBuf, u64, Option<std::time::SystemTime>), Vec<u8>>;

pub struct StaticServer {
    pub port: u16,
    /// The URL of the app's index, ending in '/'.
    pub base_url: String,
    mounts: Mounts,
    offline: Arc<AtomicBool>,
    hold: Hold,
    tail: TailHold,
    gzip: Gzip,
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
        let tail: TailHold = Arc::new((Mutex::new(None), Condvar::new()));
        let gzip: Gzip = Arc::new((AtomicBool::new(false), Mutex::new(Default::default())));
        let (m, o, h, g) = (mounts.clone(), offline.clone(), hold.clone(), gzip.clone());
        let t = tail.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if o.load(Ordering::SeqCst) {
                    // As if the network were gone: close without an answer.
                    drop(stream);
                    continue;
                }
                let list = m.read().map(|l| l.clone()).unwrap_or_default();
                let (h, t, g) = (h.clone(), t.clone(), g.clone());
                thread::spawn(move || {
                    let _ = serve(stream, &list, &h, &t, &g);
                });
            }
        });
        Ok(StaticServer {
            port,
            base_url,
            mounts,
            offline,
            hold,
            tail,
            gzip,
        })
    }

    /// From now on, answers a client that accepts gzip with the text, script and wasm files
    /// gzipped (`Content-Encoding: gzip`), as a static host does.
    pub fn set_gzip(&self, on: bool) {
        self.gzip.0.store(on, Ordering::SeqCst);
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

    /// Sends a file whose path ends in `suffix` only up to the first `marker` in it, the rest
    /// after [`StaticServer::release_tail`] (a long page still arriving), uncompressed.
    pub fn hold_tail(&self, suffix: &str, marker: &str) {
        if let Ok(mut held) = self.tail.0.lock() {
            *held = Some((suffix.to_string(), marker.to_string()));
        }
    }

    /// Sends the rest of the files held by [`StaticServer::hold_tail`].
    pub fn release_tail(&self) {
        if let Ok(mut held) = self.tail.0.lock() {
            *held = None;
        }
        self.tail.1.notify_all();
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

fn serve(
    mut stream: TcpStream,
    mounts: &[(String, PathBuf)],
    hold: &Hold,
    tail: &TailHold,
    gzip: &Gzip,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; only Accept-Encoding matters here.
    let mut header = String::new();
    let mut accepts_gzip = false;
    while reader.read_line(&mut header)? > 2 {
        let lower = header.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("accept-encoding:") {
            accepts_gzip |= value.split(',').any(|e| e.trim().starts_with("gzip"));
        }
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
    let (status, mut body, kind) = match file.as_deref().map(std::fs::read) {
        Some(Ok(bytes)) => ("200 OK", bytes, content_type(file.as_deref().unwrap())),
        _ => (
            "404 Not Found",
            b"not found".to_vec(),
            "text/plain; charset=utf-8",
        ),
    };
    // Where the body stops until the tail is released, if it is held.
    let split = tail.0.lock().ok().and_then(|held| {
        let (suffix, marker) = held.as_ref()?;
        if !path.ends_with(suffix.as_str()) {
            return None;
        }
        let marker = marker.as_bytes();
        body.windows(marker.len()).position(|w| w == marker)
    });
    let mut encoding = "";
    let compressible = split.is_none() && !matches!(kind, "image/png" | "application/octet-stream");
    if let (Some(file), "200 OK", true) = (&file, status, compressible) {
        if accepts_gzip && gzip.0.load(Ordering::SeqCst) {
            if let Some(packed) = gzipped(file, &body, &gzip.1) {
                body = packed;
                encoding = "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n";
            }
        }
    }
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\n{encoding}Content-Length: {}\r\nCache-Control: no-cache\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method == "HEAD" {
        return stream.flush();
    }
    let at = split.unwrap_or(body.len());
    stream.write_all(&body[..at])?;
    if split.is_some() {
        stream.flush()?;
        if let Ok(held) = tail.0.lock() {
            let _released = tail.1.wait_while(held, |h| h.is_some());
        }
    }
    stream.write_all(&body[at..])?;
    stream.flush()
}

/// `bytes` (the contents of `file`) gzipped at the best level, as a host precompresses, kept
/// so that each file is compressed once.
fn gzipped(file: &Path, bytes: &[u8], cache: &Mutex<GzipCache>) -> Option<Vec<u8>> {
    let meta = std::fs::metadata(file).ok();
    let key = (
        file.to_path_buf(),
        bytes.len() as u64,
        meta.and_then(|m| m.modified().ok()),
    );
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Some(hit);
    }
    let packed = gzip(bytes)?;
    if let Ok(mut c) = cache.lock() {
        c.insert(key, packed.clone());
    }
    Some(packed)
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn get(base: &str, path: &str, accept: &str) -> (String, Vec<u8>) {
        let addr = base.trim_start_matches("http://").trim_end_matches('/');
        let mut stream = TcpStream::connect(addr).expect("connect");
        write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\n{accept}\r\n").expect("request");
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).expect("answer");
        let split = answer
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("head");
        let head = String::from_utf8_lossy(&answer[..split]).to_ascii_lowercase();
        (head, answer[split + 4..].to_vec())
    }

    #[test]
    fn gzips_only_when_turned_on_and_accepted() {
        let dir = std::env::temp_dir().join(format!("yandu-server-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let text = "城乡统筹 ".repeat(500);
        std::fs::write(dir.join("a.js"), &text).expect("file");
        std::fs::write(dir.join("i.png"), [137u8, 80, 78, 71]).expect("png");
        let server = StaticServer::start(&dir, "/").expect("server");
        let accept = "Accept-Encoding: deflate, gzip;q=0.9\r\n";

        let (head, body) = get(&server.base_url, "/a.js", accept);
        assert!(!head.contains("content-encoding"), "off by default: {head}");
        assert_eq!(body, text.as_bytes());

        server.set_gzip(true);
        let (head, body) = get(&server.base_url, "/a.js", accept);
        assert!(head.contains("content-encoding: gzip"), "{head}");
        assert!(head.contains(&format!("content-length: {}", body.len())));
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(&body[..])
            .read_to_string(&mut unpacked)
            .expect("gzip");
        assert_eq!(unpacked, text);
        assert!(body.len() < text.len() / 10);

        let (head, body) = get(&server.base_url, "/a.js", "");
        assert!(!head.contains("content-encoding"), "not accepted: {head}");
        assert_eq!(body, text.as_bytes());
        let (head, _) = get(&server.base_url, "/i.png", accept);
        assert!(
            !head.contains("content-encoding"),
            "png stays as it is: {head}"
        );
        let (head, _) = get(&server.base_url, "/missing.js", accept);
        assert!(head.starts_with("http/1.1 404") && !head.contains("content-encoding"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
