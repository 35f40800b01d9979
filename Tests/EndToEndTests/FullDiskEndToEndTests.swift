import Foundation
import Testing

/// Quitting while the disk refuses every save: the quit box says the changes are not
/// saved, the program tries again, writes the session elsewhere, says where, and exits
/// 1 — never "Saved to" a file that does not hold the session.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct FullDiskEndToEndTests {
    /// A tmpfs of `size` over `folder`, for the program alone (a mount namespace of its own).
    static func onTinyDisk(_ folder: String, size: String) -> [String] {
        ["/usr/bin/unshare", "--mount", "--propagation", "private",
         "/bin/sh", "-c", "mount -t tmpfs -o size=\(size) interview-full \"$0\" && exec \"$@\"", folder]
    }

    static let canMount: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("interview-mount-\(UUID().uuidString)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
              (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        let command = onTinyDisk(probe.path, size: "64k") + ["/bin/true"]
        return (try? Binary.run(Array(command.dropFirst()), executable: command[0], timeout: 10))?.status == 0
    }()

    @Test(.enabled(if: canMount, "no mount namespaces here (needs root): the full-disk test is skipped"))
    func quittingOnAFullDiskWritesTheSessionElsewhereAndSaysSo() throws {
        let tmux = try Tmux()
        let disk = tmux.home.appendingPathComponent("tiny")
        let rescueHome = tmux.home.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: rescueHome, withIntermediateDirectories: true)
        let file = disk.appendingPathComponent("s.json").path
        try tmux.start(["run", "--now", "--candidate", "Full", "--out", file], environment: ["HOME": rescueHome.path], reportExit: true,
                       launcher: Self.onTinyDisk(disk.path, size: "160k"))
        try tmux.waitFor("✓ saved")
        // A paste larger than the disk: the next save cannot be written.
        let note = String(repeating: "a note that does not fit on this disk ", count: 5_000)
        let clip = tmux.home.appendingPathComponent("clip.txt")
        try note.write(to: clip, atomically: true, encoding: .utf8)
        try tmux.tmux(["load-buffer", "-b", "clip", clip.path])
        try tmux.tmux(["paste-buffer", "-p", "-b", "clip", "-t", "main"])
        try tmux.waitFor("NOT SAVED")
        try tmux.command("q")
        let box = try tmux.waitFor("The interview is not finished")
        #expect(box.contains("NOT SAVED"), "the quit box says the changes are not saved:\n\(box)")
        try tmux.send("y")
        let farewell = try tmux.waitFor("exit status", timeout: 20)
        #expect(farewell.contains("exit status 1"), "\(farewell)")
        #expect(farewell.contains("could NOT be saved") && farewell.contains("interview-rescue-"), "\(farewell)")
        #expect(!farewell.contains("Saved to"))
        let rescued = try FileManager.default.contentsOfDirectory(atPath: rescueHome.path).filter { $0.hasPrefix("interview-rescue-") }
        #expect(rescued.count == 1)
        let url = rescueHome.appendingPathComponent(try #require(rescued.first))
        let session = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        #expect(session?["status"] as? String == "completed")
        let notes = ((session?["questions"] as? [[String: Any]])?.first?["notes"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
        #expect(notes?.first?.count == note.count - 1 || notes?.joined().count ?? 0 >= note.count - 1, "the note is in the rescue copy")
        let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600)
    }
}
