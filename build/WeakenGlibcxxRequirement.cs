using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Marks one version requirement (for example GLIBCXX_3.4.32) weak in an ELF64 shared library's
// .gnu.version_r section, but only when the machine's libstdc++ does not provide that version.
public class WeakenGlibcxxRequirement : Task
{
    [Required] public string Library { get; set; } = "";
    [Required] public string VersionName { get; set; } = "";

    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    public override bool Execute()
    {
        if (SystemProvides(VersionName))
        {
            Log.LogMessage(MessageImportance.Low, $"{VersionName} is provided by this machine's libstdc++; {Library} left as is.");
            return true;
        }
        try
        {
            var bytes = File.ReadAllBytes(Library);
            var result = Patch(bytes, VersionName);
            if (result == PatchResult.Patched)
            {
                var temp = Library + ".tmp";
                File.WriteAllBytes(temp, bytes);
                File.Copy(temp, Library, overwrite: true);
                File.Delete(temp);
                Log.LogMessage(MessageImportance.High, $"Marked {VersionName} weak in {Library} (this machine's libstdc++ lacks it).");
            }
            else if (result == PatchResult.NotFound)
            {
                Log.LogMessage(MessageImportance.Low, $"{Library} does not require {VersionName}.");
            }
            return true;
        }
        catch (Exception e)
        {
            Log.LogError($"Could not patch {Library}: {e.Message}");
            return false;
        }
    }

    private enum PatchResult { Patched, AlreadyWeak, NotFound }

    private static bool SystemProvides(string version)
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6",
            "/usr/lib/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        };
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        foreach (var path in candidates)
        {
            if (!File.Exists(path)) continue;
            var data = File.ReadAllBytes(path);
            return IndexOf(data, needle) >= 0;
        }
        // No libstdc++ found where we look: leave the library untouched.
        return true;
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }

    private static PatchResult Patch(byte[] elf, string versionName)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only little-endian ELF64 is supported");

        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        var shentsize = BitConverter.ToUInt16(elf, 0x3A);
        var shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (var i = 0; i < shnum; i++)
        {
            var sh = shoff + (long)i * shentsize;
            if (BitConverter.ToUInt32(elf, (int)sh + 4) != ShtGnuVerneed) continue;
            var secOffset = (long)BitConverter.ToUInt64(elf, (int)sh + 0x18);
            var link = BitConverter.ToUInt32(elf, (int)sh + 0x28);
            var strtab = (long)BitConverter.ToUInt64(elf, (int)(shoff + (long)link * shentsize) + 0x18);

            var need = secOffset;
            while (true)
            {
                var cnt = BitConverter.ToUInt16(elf, (int)need + 2);
                var auxOff = BitConverter.ToUInt32(elf, (int)need + 8);
                var next = BitConverter.ToUInt32(elf, (int)need + 12);
                var aux = need + auxOff;
                for (var k = 0; k < cnt; k++)
                {
                    var flagsAt = (int)aux + 4;
                    var nameOff = BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (ReadCString(elf, strtab + nameOff) == versionName)
                    {
                        var flags = BitConverter.ToUInt16(elf, flagsAt);
                        if ((flags & VerFlgWeak) != 0) return PatchResult.AlreadyWeak;
                        var patched = (ushort)(flags | VerFlgWeak);
                        elf[flagsAt] = (byte)(patched & 0xff);
                        elf[flagsAt + 1] = (byte)(patched >> 8);
                        return PatchResult.Patched;
                    }
                    var auxNext = BitConverter.ToUInt32(elf, (int)aux + 12);
                    if (auxNext == 0) break;
                    aux += auxNext;
                }
                if (next == 0) break;
                need += next;
            }
        }
        return PatchResult.NotFound;
    }

    private static string ReadCString(byte[] data, long offset)
    {
        var end = (int)offset;
        while (end < data.Length && data[end] != 0) end++;
        return Encoding.ASCII.GetString(data, (int)offset, end - (int)offset);
    }
}
