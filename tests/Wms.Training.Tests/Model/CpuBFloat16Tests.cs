using Wms.Training.Configuration;
using Wms.Training.Model;
using Xunit;

namespace Wms.Training.Tests.Model;

public sealed class CpuBFloat16Tests
{
    // Abridged from real /proc/cpuinfo files: an AVX2-only AMD EPYC (this project's CI host on
    // 2026-12-06), an AVX-512 BF16 host, a Sapphire Rapids with AMX, and an ARM Neoverse V1.
    private const string Avx2Only = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\nflags\t\t: fpu vme sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 bmi2\n\n";
    private const string Avx512NoBf16 = "model name\t: Intel Xeon\nflags\t\t: fpu avx avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_vnni\n";
    private const string Avx512Bf16 = "model name\t: AMD EPYC\nflags\t\t: fpu avx avx2 avx512f avx512_bf16 avx512_vnni\n";
    private const string Amx = "model name\t: Intel Xeon Platinum\nflags\t\t: avx512f amx_bf16 amx_tile amx_int8\n";
    private const string Arm = "processor\t: 0\nBogoMIPS\t: 2100.00\nFeatures\t: fp asimd evtstrm aes sha1 sha2 crc32 atomics fphp asimdhp bf16 i8mm\n";

    [Theory]
    [InlineData(Avx2Only, false)]
    [InlineData(Avx512NoBf16, false)]
    [InlineData(Avx512Bf16, true)]
    [InlineData(Amx, true)]
    [InlineData(Arm, true)]
    [InlineData("model name\t: avx512_bf16 in a name is not a flag\n", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Native_bfloat16_is_read_from_the_cpu_flags(string? cpuinfo, bool expected) =>
        Assert.Equal(expected, CpuBFloat16.InCpuInfo(cpuinfo));

    [Fact]
    public void Only_asking_for_bfloat16_on_a_CPU_that_emulates_it_is_warned_about()
    {
        Assert.Contains("bf16: auto", CpuBFloat16.EmulationWarning(requested: true, native: false));
        Assert.Null(CpuBFloat16.EmulationWarning(requested: true, native: true));
        Assert.Null(CpuBFloat16.EmulationWarning(requested: false, native: false));
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("AUTO")]
    public void Bf16_auto_in_a_config_is_this_machines_answer(string value)
    {
        // Which way it goes depends on the host; that it is the host's answer, whichever, is the contract.
        var options = TrainingConfigFile.Parse($"compute:\n  bf16: {value}\n  channels_last: false\n", "c.yaml");
        Assert.Equal(new ComputeOptions(ChannelsLast: false, BFloat16: CpuBFloat16.IsNative), options.Compute);
    }
}
