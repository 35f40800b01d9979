import Foundation
import Testing

/// The binary copied alone into a folder of its own, the way one installs it in
/// `~/bin`: the built-in banks and themes are compiled in (the EmbedResources plugin),
/// so every command that needs them works from the copy, whatever the working
/// directory, with nothing in the home or XDG folders and no resource bundle anywhere.
///
/// Where the tests may (as root, with `unshare`), the copy runs with the build folder
/// gone from its sight: an empty tmpfs over the built binary's folder, in a mount
/// namespace of its own. A binary that looked there for its resources would crash.
@Suite("An installed copy of the binary", .serialized)
struct InstalledBinaryEndToEndTests {
    /// `bin/interview`, a copy of the built binary alone in its folder, with an empty
    /// home (HOME and every XDG folder inside it) and an empty working folder beside it.
    final class Installed {
        /// What runs the copy: with the built binary's folder hidden when it can be, else nothing.
        let launcher: [String]
        let root: URL
        var binary: String { root.appendingPathComponent("bin/interview").path }
        var home: URL { root.appendingPathComponent("home") }
        var work: URL { root.appendingPathComponent("work") }
        var environment: [String: String] {
            ["HOME": home.path,
             "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
             "XDG_DATA_HOME": home.appendingPathComponent(".local/share").path,
             "XDG_STATE_HOME": home.appendingPathComponent(".local/state").path,
             "XDG_CACHE_HOME": home.appendingPathComponent(".cache").path]
        }

        init() throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("interview-installed-\(UUID().uuidString)", isDirectory: true)
            for folder in ["bin", "home", "work"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let built = try Binary.path()
            let buildFolder = URL(fileURLWithPath: built).resolvingSymlinksInPath().deletingLastPathComponent().path
            launcher = Self.canHide ? Self.hiding(buildFolder) : []
            // Copied by `cp`, not in this process: a file this process has open for writing
            // would be inherited by whatever another test forks meanwhile, and exec of it
            // would then fail with "Text file busy".
            let copy = try Binary.run([built, binary], executable: "/bin/cp")
            guard copy.status == 0 else { throw POSIXError(.EIO) }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func run(_ arguments: [String]) throws -> Binary.Output {
            guard let first = launcher.first else {
                return try Binary.run(arguments, environment: environment, directory: work, executable: binary)
            }
            return try Binary.run(Array(launcher.dropFirst()) + [binary] + arguments, environment: environment,
                                  directory: work, executable: first)
        }

        /// A command that runs the one after it with an empty tmpfs mounted over `folder`.
        static func hiding(_ folder: String) -> [String] {
            ["/usr/bin/unshare", "--mount", "--propagation", "private",
             "/bin/sh", "-c", "mount -t tmpfs interview-test \"$0\" && exec \"$@\"", folder]
        }

        /// Whether `hiding` works here (it needs root, or the right to make mount namespaces).
        static let canHide: Bool = {
            let probe = FileManager.default.temporaryDirectory.appendingPathComponent("interview-hide-\(UUID().uuidString)")
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
                  (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)) != nil
            else { return false }
            defer { try? FileManager.default.removeItem(at: probe) }
            let marker = probe.appendingPathComponent("marker")
            guard FileManager.default.createFile(atPath: marker.path, contents: Data()) else { return false }
            let hidden = hiding(probe.path) + ["/bin/sh", "-c", "! test -e \"$0\"", marker.path]
            let result = try? Binary.run(Array(hidden.dropFirst()), executable: hidden[0], timeout: 10)
            return result?.status == 0
        }()
    }

    @Test func theBuildFolderIsHiddenWhereItCanBe() throws {
        let installed = try Installed()
        guard !installed.launcher.isEmpty else { return }
        let built = try Binary.path()
        let result = try Binary.run(Array(installed.launcher.dropFirst()) + ["/bin/sh", "-c", "! test -e \"$0\"", built],
                                    executable: installed.launcher[0])
        #expect(result.status == 0, "\(built) is still there for the copy: \(result.stderr)")
    }

    @Test func theCopyIsAloneInItsFolder() throws {
        let installed = try Installed()
        let folder = URL(fileURLWithPath: installed.binary).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["interview"])
    }

    @Test func banksFromTheCopy() throws {
        let installed = try Installed()
        let result = try installed.run(["banks"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "machine-learning  Machine learning engineer  15 questions  45m  built-in\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func themesFromTheCopy() throws {
        let installed = try Installed()
        let result = try installed.run(["themes"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let names = result.stdout.split(separator: "\n").map { $0.prefix { $0 != " " } }
        #expect(names == ["colorblind", "default", "high-contrast", "light", "monochrome", "muted"], "\(result.stdout)")
        #expect(result.stdout.contains("Any terminal: your own text colours, grey panes, blue focus, amber share-safe banner"))
        #expect(!result.stdout.contains("cannot be used"))
        #expect(result.stderr.isEmpty)
    }

    @Test func validateTheBuiltInBankFromTheCopy() throws {
        let installed = try Installed()
        let result = try installed.run(["validate", "machine-learning"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "machine-learning: Machine learning engineer: 15 questions, 45m of question time for a 45m interview\n")
        #expect(result.stderr.isEmpty)
    }

    /// `run` draws the first question of the built-in bank with a built-in theme, and
    /// ends and saves the interview on `q` `y`.
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
    func runFromTheCopy() throws {
        let installed = try Installed()
        let tmux = try Tmux()
        try tmux.start(["run", "--now", "--candidate", "Installed", "--theme", "light"],
                       environment: installed.environment, reportExit: true,
                       launcher: installed.launcher, binary: installed.binary)
        let screen = try tmux.waitFor("Question 1/15")
        #expect(screen.contains("supervised"), "\(screen)")
        try tmux.command("q")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("y")
        let farewell = try tmux.waitFor("exit status 0")
        #expect(farewell.contains("Interview completed. Saved to"), "\(farewell)")
        let sessions = installed.home.appendingPathComponent(".local/share/interview/sessions")
        let saved = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasSuffix(".json") }
        #expect(saved.count == 1, "\(saved)")
    }

    /// Nothing in the binary points at a resource bundle of ours (`NAME_TARGET.resources`
    /// next to the binary or in the build folder): there is none to find, so no copy
    /// of the binary can fail to find one (a dependency that declares resources gets an
    /// accessor compiled in, called or not).
    @Test func theBinaryNamesNoResourceBundle() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: try Binary.path()))
        for text in ["interview_InterviewStore.resources", "interview_InterviewThemes.resources",
                     "interview_InterviewStore.bundle", "interview_InterviewThemes.bundle",
                     "InterviewStore/resource_bundle_accessor", "InterviewThemes/resource_bundle_accessor"] {
            #expect(bytes.range(of: Data(text.utf8)) == nil, "the binary contains \"\(text)\"")
        }
    }
}
