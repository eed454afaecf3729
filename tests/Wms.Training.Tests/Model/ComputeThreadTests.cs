using Wms.Training.Model;
using Xunit;

namespace Wms.Training.Tests.Model;

public sealed class ComputeThreadTests
{
    [Fact]
    public void Work_runs_on_the_lending_thread_while_the_program_runs_elsewhere_and_its_result_and_errors_come_back()
    {
        int lender = 0, program = 0, first = 0, second = 0;
        string? error = null;
        var thread = new Thread(() =>
        {
            lender = Environment.CurrentManagedThreadId;
            var exitCode = ComputeThread.Lend(async () =>
            {
                program = Environment.CurrentManagedThreadId;
                first = await ComputeThread.RunAsync(() => Environment.CurrentManagedThreadId);
                second = await ComputeThread.RunAsync(() => Environment.CurrentManagedThreadId);
                try
                {
                    await ComputeThread.RunAsync<int>(() => throw new InvalidDataException("bad batch"));
                }
                catch (InvalidDataException e)
                {
                    error = e.Message;
                }
                return 7;
            });
            Assert.Equal(7, exitCode);
        });
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "Lend did not return");

        Assert.NotEqual(lender, program);
        Assert.Equal(lender, first);
        Assert.Equal(lender, second);
        Assert.Equal("bad batch", error);
    }

    [Fact]
    public async Task Without_a_lent_thread_work_runs_on_a_thread_of_its_own()
    {
        var caller = Environment.CurrentManagedThreadId;
        var worker = await ComputeThread.RunAsync(() => Environment.CurrentManagedThreadId);
        Assert.NotEqual(caller, worker);
    }
}
