import Foundation
import Testing

/// `scripts/install --prefix TMP` as a person runs it, with the binary these tests run
/// (`--binary`: the release build it makes by default takes minutes), then what it
/// installed: the binary, the man page, the shell completions, and `--uninstall`.
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

    static func script(_ arguments: [String]) throws -> Binary.Output {
        let script = try Binary.packageRoot().appendingPathComponent("scripts/install").path
        return try Binary.run([script] + arguments, executable: "/bin/bash", timeout: 600)
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

        let install = try Self.script(["--prefix", prefix.url.path, "--binary", try Binary.path()])
        try #require(install.status == 0, "stdout: \(install.stdout)\nstderr: \(install.stderr)")
        for file in Self.installed {
            #expect(FileManager.default.fileExists(atPath: prefix.path(file)), "\(file) is not installed")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix.path("bin/interview")))

        let version = try Binary.run(["--version"], executable: prefix.path("bin/interview"))
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")

        try checkManPage(prefix.path("share/man/man1/interview.1"))
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

    /// Rendered by `man -l` where man is installed, else checked by groff, else at least a
    /// manual page in mdoc (what ArgumentParser's generate-manual writes) with every command.
    func checkManPage(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\n.Dt INTERVIEW 1\n"), "an mdoc page of section 1")
        for command in ["run", "resume", "practice", "replay", "mirror", "banks", "themes", "validate", "new", "import", "report", "stats"] {
            #expect(text.contains("\n.It Em \(command)\n"), "the page has no \(command)")
        }
        #expect(!text.contains("\n\n"), "no empty line: mdoc warns of each")
        if let man = try? Tmux.which("man") {
            let rendered = try Binary.run(["-l", path], environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"], executable: man)
            #expect(rendered.status == 0, "man -l: \(rendered.stderr)")
            #expect(rendered.stderr.isEmpty, "man -l warns: \(rendered.stderr)")
            #expect(rendered.stdout.contains("SYNOPSIS"))
            #expect(rendered.stdout.contains("validate"))
        } else if let groff = try? Tmux.which("groff") {
            let rendered = try Binary.run(["-mandoc", "-Tutf8", "-ww", path], executable: groff)
            #expect(rendered.status == 0, "groff: \(rendered.stderr)")
            #expect(rendered.stderr.isEmpty, "groff warns: \(rendered.stderr)")
            #expect(rendered.stdout.contains("SYNOPSIS"))
        } else {
            print("man and groff are not installed: the man page was only checked as text")
        }
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
        #expect(try complete(["interview", "replay", ""]) == ["ada.json", "sessions"])
        #expect(try complete(["interview", "valid"]) == ["validate"])
    }
}
