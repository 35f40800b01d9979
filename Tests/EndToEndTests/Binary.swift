import Foundation

/// The built `interview` executable, run as a subprocess the way a user or a script
/// runs it.
///
///     let result = try Binary.run(["validate", "machine-learning"])
///     #expect(result.status == 0)
///     #expect(result.stdout.contains("15 questions"))
///
/// Where the binary is found, first match wins:
/// 1. `$INTERVIEW_BIN`, when set;
/// 2. next to the running test bundle (so `swift test --scratch-path X` tests X's build);
/// 3. `.build/debug/interview` under the package root;
/// 4. the newest `interview` in the `debug/` folder of any `.build*/` scratch folder.
/// The package root is found by walking up from this source file to `Package.swift`.
enum Binary {
    typealias Output = (status: Int32, stdout: String, stderr: String)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The absolute path of the `interview` executable, or an error saying where it looked.
    static func path() throws -> String {
        if let cached = cache.value { return cached }
        var looked: [String] = []
        func found(_ candidate: String) -> String? {
            looked.append(candidate)
            return isExecutableFile(candidate) ? candidate : nil
        }
        if let override = ProcessInfo.processInfo.environment["INTERVIEW_BIN"], !override.isEmpty {
            guard let path = found(override) else {
                throw Failure(description: "INTERVIEW_BIN=\(override) is not an executable file")
            }
            return cache.set(path)
        }
        for folder in testBundleFolders() {
            if let path = found(folder.appendingPathComponent("interview").path) { return cache.set(path) }
        }
        let root = try packageRoot()
        if let path = found(root.appendingPathComponent(".build/debug/interview").path) { return cache.set(path) }
        if let path = newestInScratchFolders(of: root) { return cache.set(path) }
        throw Failure(description: """
            the interview executable was not found: build it first with `swift build` \
            (or set INTERVIEW_BIN). Looked in: \(looked.joined(separator: ", ")), \
            and \(root.path)/.build*/**/debug/interview
            """)
    }

    /// A child that exits before reading all of its input would end the whole test run
    /// with SIGPIPE; ignored, the write fails instead, and the test sees the child's exit.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Runs `interview ARGUMENTS` and waits for it, at most `timeout` seconds (then it is
    /// killed and `Failure` is thrown with what it printed so far).
    ///
    /// - environment: added to (and overriding) this process's environment; a value of
    ///   `""` for a key removes it.
    /// - input: text for the child's standard input; without it, stdin is `/dev/null`.
    /// - directory: the child's working directory (default: this process's).
    /// - executable: the program to run instead of `path()` (a copy of it, say).
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil,
                    directory: URL? = nil, executable: String? = nil, timeout: TimeInterval = 30) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable ?? path())
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment {
            env[key] = value.isEmpty ? nil : value
        }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }

        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if input != nil { _ = ignoreBrokenPipes }
        let stdin = input.map { _ in Pipe() }
        process.standardInput = stdin ?? FileHandle.nullDevice

        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        // Read both pipes while the child runs, so a chatty child never blocks on a full pipe.
        let outData = Collected()
        let errData = Collected()
        let readers = DispatchGroup()
        for (pipe, box) in [(out, outData), (err, errData)] {
            DispatchQueue.global().async(group: readers) {
                box.set(pipe.fileHandleForReading.readDataToEndOfFile())
            }
        }
        if let stdin, let input {
            DispatchQueue.global().async {
                try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
                try? stdin.fileHandleForWriting.close()
            }
        }

        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if exited.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = exited.wait(timeout: .now() + 2)
            }
            _ = readers.wait(timeout: .now() + 2)
            throw Failure(description: """
                `interview \(arguments.joined(separator: " "))` did not finish within \(timeout) s
                stdout: \(String(decoding: outData.value, as: UTF8.self))
                stderr: \(String(decoding: errData.value, as: UTF8.self))
                """)
        }
        _ = readers.wait(timeout: .now() + 5)
        return (process.terminationStatus,
                String(decoding: outData.value, as: UTF8.self),
                String(decoding: errData.value, as: UTF8.self))
    }

    /// The folder holding `Package.swift`, found by walking up from this source file.
    static func packageRoot(from file: String = #filePath) throws -> URL {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder.deleteLastPathComponent()
        }
        throw Failure(description: "no Package.swift above \(file)")
    }

    // MARK: - Private

    private static let cache = Cache()

    private static func isExecutableFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// The folders of the running test bundle (`…/debug/` of the scratch path in use).
    private static func testBundleFolders() -> [URL] {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL {
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first, first.hasPrefix("/") {
            folders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        // On macOS the runner lives inside `X.xctest/Contents/MacOS/`: look beside the bundle too.
        return folders.flatMap { folder -> [URL] in
            var list = [folder]
            var up = folder
            while up.path != "/", up.pathComponents.count > 1 {
                if up.pathExtension == "xctest" {
                    list.append(up.deletingLastPathComponent())
                    break
                }
                up.deleteLastPathComponent()
            }
            return list
        }
    }

    /// The most recently built `interview` under `ROOT/.build*/`, in a `debug/` folder
    /// directly inside the scratch folder or inside its target-triple folder.
    private static func newestInScratchFolders(of root: URL) -> String? {
        let manager = FileManager.default
        let scratch = ((try? manager.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { $0.hasPrefix(".build") }
            .map { root.appendingPathComponent($0) }
        var candidates: [String] = []
        for folder in scratch {
            candidates.append(folder.appendingPathComponent("debug/interview").path)
            for child in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] {
                candidates.append(folder.appendingPathComponent(child).appendingPathComponent("debug/interview").path)
            }
        }
        func modified(_ path: String) -> Date {
            ((try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
        }
        return candidates
            .filter(isExecutableFile)
            .map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
            .max { modified($0) < modified($1) }
    }

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: String?
        var value: String? { lock.withLock { stored } }
        func set(_ path: String) -> String {
            lock.withLock { stored = path }
            return path
        }
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        var value: Data { lock.withLock { data } }
        func set(_ new: Data) { lock.withLock { data = new } }
    }
}
