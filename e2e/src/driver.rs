//! The WebDriver servers: start one per engine on a free loopback port, wait until it answers,
//! stop it when dropped. Also the capabilities that run each engine headless on this machine.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

/// Headless, as root, on a machine without network beyond the package registries.
const CHROMIUM_ARGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
];

/// A browser engine the suite can drive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver, on a private Xvfb display.
    Webkit,
}

/// Debian's WebKitGTK MiniBrowser (package libwebkit2gtk-4.1-0, pulled in by webkit2gtk-driver).
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }

    pub fn from_name(name: &str) -> Option<Engine> {
        match name {
            "chromium" => Some(Engine::Chromium),
            "firefox" => Some(Engine::Firefox),
            "webkit" => Some(Engine::Webkit),
            _ => None,
        }
    }

    /// W3C capabilities for a headless session with a window of `width`×`height`.
    pub fn capabilities(self, width: u32, height: u32) -> Map<String, Value> {
        self.capabilities_with(width, height, false)
    }

    /// As [`Engine::capabilities`], with the system colour scheme dark when `dark`.
    pub fn capabilities_with(self, width: u32, height: u32, dark: bool) -> Map<String, Value> {
        let args: Vec<String> = CHROMIUM_ARGS
            .iter()
            .map(|a| a.to_string())
            .chain(dark.then(|| "--force-dark-mode".to_string()))
            .collect();
        let caps = match self {
            // Headless Chromium will not make a window narrower than 500px: phone widths
            // use its device emulation (which also makes the pointer coarse, as on a phone).
            Engine::Chromium if width < 500 => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": args,
                    "mobileEmulation": {
                        "deviceMetrics": { "width": width, "height": height, "pixelRatio": 2.0, "touch": true },
                    },
                },
                "goog:loggingPrefs": { "browser": "ALL" },
            }),
            // Headless Firefox keeps windows at least 500px wide; phone tests there run at 500.
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": "/usr/bin/firefox-esr",
                    "args": ["-headless", format!("--width={width}"), format!("--height={height}")],
                    "prefs": { "ui.systemUsesDarkTheme": i32::from(dark) },
                },
            }),
            // MiniBrowser has no headless switch of its own: it runs on the driver's Xvfb. Its
            // window is sized after the session starts (Page::open); dark mode is not offered.
            Engine::Webkit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": { "binary": MINIBROWSER, "args": ["--automation"] },
            }),
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": args
                        .iter()
                        .cloned()
                        .chain([format!("--window-size={width},{height}")])
                        .collect::<Vec<_>>(),
                },
                "goog:loggingPrefs": { "browser": "ALL" },
            }),
        };
        caps.as_object().cloned().unwrap_or_default()
    }
}

/// A running WebDriver server (and, for WebKit, its X display); killed on drop.
pub struct DriverProcess {
    child: Child,
    display: Option<Child>,
    pub url: String,
}

impl DriverProcess {
    pub fn start(engine: Engine) -> Result<DriverProcess, String> {
        let port = free_port().map_err(|e| format!("no free port: {e}"))?;
        let (program, args) = match engine {
            Engine::Chromium => ("chromedriver", vec![format!("--port={port}")]),
            Engine::Firefox => ("geckodriver", vec!["--port".to_string(), port.to_string()]),
            Engine::Webkit => ("WebKitWebDriver", vec![format!("--port={port}")]),
        };
        let display = match engine {
            Engine::Webkit => Some(Xvfb::start()?),
            _ => None,
        };
        let mut command = Command::new(program);
        command
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(x) = &display {
            command.env("DISPLAY", &x.name);
        }
        let child = match command.spawn() {
            Ok(child) => child,
            Err(e) => {
                // Do not leave the display running behind a driver that never started.
                if let Some(mut x) = display {
                    let _ = x.child.kill();
                    let _ = x.child.wait();
                }
                return Err(format!("cannot start {program}: {e} (is it installed?)"));
            }
        };
        let driver = DriverProcess {
            child,
            display: display.map(|x| x.child),
            url: format!("http://127.0.0.1:{port}"),
        };
        driver.wait_ready(port, Duration::from_secs(30))?;
        Ok(driver)
    }

    /// Polls GET /status until the driver says it is ready.
    fn wait_ready(&self, port: u16, limit: Duration) -> Result<(), String> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if status_ready(port) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(format!(
            "WebDriver on port {port} not ready after {limit:?}"
        ))
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(display) = &mut self.display {
            // Asked to stop, Xvfb removes its lock file and socket; a killed one leaves them in
            // /tmp (a hundred of them had piled up on a machine that runs the suite all day).
            let asked = Command::new("kill")
                .arg(display.id().to_string())
                .status()
                .is_ok_and(|s| s.success());
            if !(asked && exits_within(display, Duration::from_secs(2))) {
                let _ = display.kill();
            }
            let _ = display.wait();
        }
    }
}

/// Whether `child` exits within `limit`.
fn exits_within(child: &mut Child, limit: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Ok(Some(_)) = child.try_wait() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// A virtual X display for browsers that need one.
struct Xvfb {
    child: Child,
    name: String,
}

impl Xvfb {
    /// Starts Xvfb on a display it picks itself (`-displayfd`: it skips displays in use and
    /// clears the lock files that killed servers left behind) and waits until it says which.
    fn start() -> Result<Xvfb, String> {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1920x1080x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start Xvfb: {e} (is it installed?)"))?;
        // Xvfb writes the number once it accepts connections; a line is all it writes.
        let mut line = String::new();
        let read = child
            .stdout
            .take()
            .map(|out| BufReader::new(out).read_line(&mut line));
        match (read, line.trim().parse::<u32>()) {
            (Some(Ok(_)), Ok(number)) => Ok(Xvfb {
                child,
                name: format!(":{number}"),
            }),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                Err(format!(
                    "Xvfb did not say its display number (said {line:?})"
                ))
            }
        }
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn status_ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    // Drivers may keep the connection open: read until the answer is in, or time out.
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let mut response = Vec::new();
    let mut chunk = [0u8; 4096];
    while let Ok(n) = stream.read(&mut chunk) {
        if n == 0 {
            break;
        }
        response.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&response);
        if text.contains("\"ready\":true") || text.contains("\"ready\": true") {
            return true;
        }
    }
    false
}
