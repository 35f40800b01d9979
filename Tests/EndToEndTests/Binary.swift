import Foundation
import Testing

/// The built `interview` executable, run as a subprocess the way a user or a script
/// runs it.
///
///     let result = try Binary.run(["validate", "machine-learning"])
///     #expect(result.status == 0)
///     #expect(result.stdout.contains("15 questions"))
///
/// The binary is the one this `swift test` run built: `interview` in the folder of the
/// running test bundle (`.build/debug/`, or the `--scratch-path` and configuration in use),
/// never one from another build folder. `$INTERVIEW_BIN`, when set, names another one.
/// `swift test` builds every product before the tests; with `--skip-build`, `swift build`
/// first (scripts/test does).
enum Binary {
    typealias Output = (status: Int32, stdout: String, stderr: String)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The absolute path of the `interview` executable, or an error saying where it looked.
    static func path() throws -> String {
        if let cached = cache.value { return cached }
        if let override = ProcessInfo.processInfo.environment["INTERVIEW_BIN"], !override.isEmpty {
            guard isExecutableFile(override) else {
                throw Failure(description: "INTERVIEW_BIN=\(override) is not an executable file")
            }
            return cache.set(override)
        }
        guard let folder = testBundleFolder() else {
            throw Failure(description: "the running tests are not an .xctest bundle, so the build they belong to is unknown: set INTERVIEW_BIN")
        }
        let path = folder.appendingPathComponent("interview").path
        guard isExecutableFile(path) else {
            throw Failure(description: """
                \(path) is missing: these tests run the interview of the build they belong to. \
                Build it with the same options as the tests (`swift build`, then `swift test`; scripts/test does both), \
                or set INTERVIEW_BIN to the binary to test
                """)
        }
        return cache.set(path)
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
        let output = (process.terminationStatus, String(decoding: outData.value, as: UTF8.self),
                      String(decoding: errData.value, as: UTF8.self))
        WrittenJSON.check(arguments, output, directory: directory)
        return output
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

    /// The build folder of the running test bundle (`…/debug/` of the scratch path in use),
    /// which is where `X.xctest` is: on macOS a bundle loaded by a runner, on Linux the
    /// runner itself. Nil when neither is an `.xctest`.
    private static func testBundleFolder() -> URL? {
        let bundle = Bundle.allBundles.first { $0.bundleURL.pathExtension == "xctest" }?.bundleURL
            ?? Bundle.main.executableURL.flatMap { $0.pathExtension == "xctest" ? $0 : nil }
        return bundle?.resolvingSymlinksInPath().deletingLastPathComponent()
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
