import Foundation
import Testing

/// Drives the real binary in a detached tmux session, as a person at a terminal would:
/// keys in with `send-keys`, the screen out with `capture-pane`. Each instance has its
/// own tmux server (socket), so tests never see each other's windows.
final class Tmux {
    let socket = "interview-e2e-\(UUID().uuidString.prefix(8))"
    let home: URL
    var sessions: URL { home.appendingPathComponent("data/interview/sessions") }

    static var isAvailable: Bool { (try? Tmux.which("tmux")) != nil }

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: home)
    }

    /// Starts `interview ARGS` in a new tmux session named `name`. With `reportExit`, a
    /// shell stays in the pane after the program and prints `exit status N` and the
    /// terminal's line modes (`terminal: icanon echo` when restored): the last
    /// lines the program printed then always reach the screen (a pty closed by an
    /// exiting process can drop what it wrote last).
    func start(_ arguments: [String], name: String = "main", width: Int = 120, height: Int = 40,
               environment: [String: String] = [:], reportExit: Bool = false) throws {
        let quote = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let variables = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "tmux-256color",
                         "XDG_DATA_HOME": home.path + "/data", "XDG_CONFIG_HOME": home.path + "/config"]
            .merging(environment) { $1 }.sorted { $0.key < $1.key }.map { "\($0.key)=" + quote($0.value) }
        // `swift test` sets NO_COLOR for itself; the program under test starts without it.
        let command = "cd \(quote(home.path)) && \(reportExit ? "" : "exec ")env -u NO_COLOR -u COLORTERM "
            + variables.joined(separator: " ") + " " + ([try Binary.path()] + arguments).map(quote).joined(separator: " ")
            + (reportExit ? "; echo \"exit status $?\"; echo \"terminal: $(stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}icanon\\|-\\{0,1\\}echo' | tr '\\n' ' ')\"; sleep 600" : "")
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    func send(_ keys: String..., to name: String = "main") throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Types text literally (no key names), the way a person types or pastes it.
    func type(_ text: String, to name: String = "main") throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    func screen(_ name: String = "main", escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
    }

    /// Waits until the screen shows `text` (or fails with the screen as it is).
    @discardableResult
    func waitFor(_ text: String, in name: String = "main", timeout: Double = 10,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(name)
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("screen never showed \"\(text)\":\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Waits until `condition` holds, polling.
    func waitUntil(timeout: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func pid(_ name: String = "main") throws -> Int32 {
        Int32(try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    func isRunning(_ name: String = "main") throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0"
    }

    func resize(_ name: String = "main", width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    func sessionFiles() -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { sessions.appendingPathComponent($0) }
    }

    func onlySession() throws -> [String: Any] {
        let files = sessionFiles()
        try #require(files.count == 1, "expected one session file, found \(files.map(\.lastPathComponent))")
        let data = try Data(contentsOf: files[0])
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try Tmux.run(try Tmux.which("tmux"), ["-u", "-L", socket] + arguments)
    }

    static func which(_ tool: String) throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw TmuxError.missing(tool)
    }

    /// Runs a command and returns what it printed. Not with Foundation's `Process`: it
    /// learns that a child ended when a descriptor the child inherited closes, and the
    /// tmux server forked by `new-session` keeps it open, so it would wait forever.
    /// Here the child is spawned with output to a file and reaped with `waitpid`.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // Threads of the test runner block signals; the tmux server and the program
        // under test must start with none blocked and default handlers, as from a shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw TmuxError.spawn(executable, spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    enum TmuxError: Error {
        case missing(String)
        case spawn(String, Int32)
    }
}
