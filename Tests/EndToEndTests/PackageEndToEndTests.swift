import Foundation
import Testing

/// `scripts/package`: the release archive a team hands around, made from the binary these
/// tests run, then unpacked and installed with its own `./install` under `/bin/sh` with
/// a PATH without Swift, as someone who received it would.
@Suite("scripts/package", .serialized)
struct PackageEndToEndTests {
    static let contents = [
        "INSTALL", "install", "bin/interview", "share/man/man1/interview.1",
        "share/bash-completion/completions/interview", "share/zsh/site-functions/_interview",
        "share/fish/vendor_completions.d/interview.fish",
    ]

    @Test func theArchiveHoldsTheBinaryThePageTheCompletionsAndInstallsWithoutSwift() throws {
        let prefix = try InstallEndToEndTests.Prefix()
        let work = prefix.work
        let tree = try InstallEndToEndTests.sourceTree()
        let package = try InstallEndToEndTests.script(["--binary", try Binary.path(), "--output", work.path], "scripts/package")
        try #require(package.status == 0, "stdout: \(package.stdout)\nstderr: \(package.stderr)")
        #expect(try InstallEndToEndTests.sourceTree() == tree, "packaging wrote into the source tree")

        let archives = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasSuffix(".tar.gz") }
        try #require(archives.count == 1, "\(archives)")
        let name = String(archives[0].dropLast(".tar.gz".count))
        #expect(name.hasPrefix("interview-0.1.0-"), "\(name)")
        #expect(package.stdout == work.appendingPathComponent(archives[0]).path + "\n")

        let tar = try Tmux.which("tar")
        let listing = try Binary.run(["-tzf", archives[0]], directory: work, executable: tar)
        let files = listing.stdout.split(separator: "\n").map(String.init).filter { !$0.hasSuffix("/") }
        #expect(files.sorted() == Self.contents.map { "\(name)/\($0)" }.sorted(), "\(listing.stdout)")
        try #require(try Binary.run(["-xzf", archives[0]], directory: work, executable: tar).status == 0)
        let unpacked = work.appendingPathComponent(name)
        let sections = try ELF.sectionNames(unpacked.appendingPathComponent("bin/interview").path)
        #expect(!sections.contains(".symtab") && !sections.contains { $0.hasPrefix(".debug") }, "not stripped: \(sections)")
        let instructions = try String(contentsOf: unpacked.appendingPathComponent("INSTALL"), encoding: .utf8)
        #expect(instructions.contains("./install --prefix"), "\(instructions)")

        // Installed from where it was unpacked, by its own script, from another folder.
        let install = try Binary.run([unpacked.appendingPathComponent("install").path, "--prefix", prefix.url.path],
                                     environment: ["PATH": InstallEndToEndTests.toolless], directory: prefix.root,
                                     executable: "/bin/sh", timeout: 120)
        try #require(install.status == 0, "stdout: \(install.stdout)\nstderr: \(install.stderr)")
        for file in InstallEndToEndTests.installed {
            #expect(FileManager.default.fileExists(atPath: prefix.path(file)), "\(file) is not installed")
        }
        for (from, to) in [("share/man/man1/interview.1", "share/man/man1/interview.1"),
                           ("bin/interview", "bin/interview"),
                           ("share/zsh/site-functions/_interview", "share/zsh/site-functions/_interview")] {
            #expect(FileManager.default.contentsEqual(atPath: unpacked.appendingPathComponent(from).path, andPath: prefix.path(to)),
                    "\(to) is not the archive's \(from)")
        }
        let version = try Binary.run(["--version"], executable: prefix.path("bin/interview"))
        #expect(version.stdout == "0.1.0\n")

        let uninstall = try Binary.run([unpacked.appendingPathComponent("install").path, "--prefix", prefix.url.path, "--uninstall"],
                                       environment: ["PATH": InstallEndToEndTests.toolless], executable: "/bin/sh")
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        let left = try prefix.listing()
        #expect(left.isEmpty, "\(left)")
    }
}
