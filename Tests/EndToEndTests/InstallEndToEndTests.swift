import Foundation
import Testing

/// `scripts/install --prefix TMP` as a person runs it, with the binary these tests run
/// (`--binary`: the release build it makes by default takes minutes), then what it
/// installed: the binary, the man page, the shell completions, and `--uninstall`.
/// The script runs under `/bin/sh` with a PATH without Swift, as on an interviewer's
/// machine, and writes nothing into the source tree.
@Suite("scripts/install", .serialized)
struct InstallEndToEndTests {
    /// An empty prefix, and beside it a working folder for the shell.
    final class Prefix {
        let root: URL
        var url: URL { root.appendingPathComponent("prefix") }
        var work: URL { root.appendingPathComponent("work") }
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("interview-install-\(UUID().uuidString)")
            for folder in [root.appendingPathComponent("prefix"), root.appendingPathComponent("work")] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

        /// Every path under the prefix, with its type, sorted.
        func listing() throws -> [String] {
            guard let walker = FileManager.default.enumerator(atPath: url.path) else { return [] }
            return walker.compactMap { $0 as? String }.map { relative in
                let attributes = try? FileManager.default.attributesOfItem(atPath: path(relative))
                return "\(relative) \((attributes?[.type] as? FileAttributeType)?.rawValue ?? "?")"
            }.sorted()
        }
    }

    /// What a machine without the toolchain has: no `swift` in it.
    static let toolless = "/usr/bin:/bin"

    static func script(_ arguments: [String], _ name: String = "scripts/install") throws -> Binary.Output {
        let script = try Binary.packageRoot().appendingPathComponent(name).path
        for folder in toolless.split(separator: ":") {
            try #require(!FileManager.default.fileExists(atPath: "\(folder)/swift"), "\(folder) has swift")
        }
        return try Binary.run([script] + arguments, environment: ["PATH": toolless], executable: "/bin/sh", timeout: 600)
    }

    /// The top of the source tree, each entry with its modification time (the build
    /// folders, which builds beside the test touch, only when they are `.build-install`,
    /// the install's own scratch folder).
    static func sourceTree() throws -> [String] {
        let root = try Binary.packageRoot()
        return try FileManager.default.contentsOfDirectory(atPath: root.path).sorted().compactMap { name in
            guard !name.hasPrefix(".build") || name == ".build-install" else { return nil }
            let attributes = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(name).path)
            return "\(name) \((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
    }

    static let installed = [
        "bin/interview", "share/man/man1/interview.1", "share/bash-completion/completions/interview",
        "share/zsh/site-functions/_interview", "share/fish/vendor_completions.d/interview.fish",
        "share/interview/installed-files",
    ]

    @Test func installsRunsAndUninstallsToTheSameFolder() throws {
        let prefix = try Prefix()
        // Something of the person's own in the prefix: it stays.
        try FileManager.default.createDirectory(atPath: prefix.path("share/man/man5"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: prefix.path("share/man/man5/mine.5")))
        let before = try prefix.listing()
        let tree = try Self.sourceTree()

        let install = try Self.script(["--prefix", prefix.url.path, "--binary", try Binary.path()])
        try #require(install.status == 0, "stdout: \(install.stdout)\nstderr: \(install.stderr)")
        #expect(try Self.sourceTree() == tree, "the install wrote into the source tree")
        for file in Self.installed {
            #expect(FileManager.default.fileExists(atPath: prefix.path(file)), "\(file) is not installed")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix.path("bin/interview")))

        let version = try Binary.run(["--version"], executable: prefix.path("bin/interview"))
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")

        let sections = try ELF.sectionNames(prefix.path("bin/interview"))
        #expect(!sections.contains(".symtab") && !sections.contains { $0.hasPrefix(".debug") }, "not stripped: \(sections)")
        let page = try Data(contentsOf: Binary.packageRoot().appendingPathComponent("docs/interview.1"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: prefix.path("share/man/man1/interview.1"))) == page,
                "the man page installed is docs/interview.1")
        try checkBashCompletion(prefix)

        // Twice is fine, and the manifest does not grow.
        let manifest = try String(contentsOfFile: prefix.path("share/interview/installed-files"), encoding: .utf8)
        #expect(try Self.script(["--prefix", prefix.url.path, "--binary", try Binary.path()]).status == 0)
        #expect(try String(contentsOfFile: prefix.path("share/interview/installed-files"), encoding: .utf8) == manifest)

        let uninstall = try Self.script(["--prefix", prefix.url.path, "--uninstall"])
        #expect(uninstall.status == 0, "stderr: \(uninstall.stderr)")
        #expect(try prefix.listing() == before, "the prefix as it was before the install")
        let again = try Self.script(["--prefix", prefix.url.path, "--uninstall"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("nothing to uninstall"))
    }

    /// bash, with the installed completion sourced, completes as a person's Tab would.
    func checkBashCompletion(_ prefix: Prefix) throws {
        guard let bash = try? Tmux.which("bash") else { return }
        let work = prefix.work
        try FileManager.default.createDirectory(at: work.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        for file in ["ada.json", "notes.txt", "my-bank.md"] {
            try Data().write(to: work.appendingPathComponent(file))
        }
        let script = prefix.path("share/bash-completion/completions/interview")
        func complete(_ words: [String]) throws -> [String] {
            let line = words.joined(separator: " ")
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let command = """
                source '\(script)'
                COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
                _interview interview '\(words[words.count - 1])' '\(words[words.count - 2])'
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let result = try Binary.run(["-c", command], environment: [
                "PATH": prefix.path("bin") + ":/usr/bin:/bin", "HOME": work.path,
                "XDG_CONFIG_HOME": work.appendingPathComponent("config").path, "XDG_DATA_HOME": work.appendingPathComponent("data").path,
            ], directory: work, executable: bash)
            #expect(result.stderr.isEmpty, "\(words): \(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init).sorted()
        }
        #expect(try complete(["interview", "run", "--theme", "l"]) == ["light"])
        #expect(try complete(["interview", "run", "--theme", ""]).contains("high-contrast"))
        #expect(try complete(["interview", "run", "m"]) == ["machine-learning", "my-bank.md"])
        #expect(try complete(["interview", "replay", ""]) == ["ada.json", "sessions/"], "no session in this data folder: the files and folders here")
        #expect(try complete(["interview", "valid"]) == ["validate"])
    }
}
