using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;

namespace PushInventory.Push.Dispatch;

/// <summary>Deletes push records (and Push Now jobs) older than <see cref="PushOptions.RecordRetention"/>; a Pending record stays until it ends.</summary>
internal sealed partial class RecordRetention(
    IDbContextFactory<PushDbContext> contexts,
    IOptions<PushOptions> options,
    TimeProvider time,
    ILogger<RecordRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(options.Value.RetentionSweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSweepFailed(logger, ex);
                await Task.Delay(options.Value.RetentionSweepInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.RecordRetention;
        var deleted = await db.Records.Where(r => r.CreatedAt < cutoff && r.Status != PushStatus.Pending).ExecuteDeleteAsync(cancellationToken);
        await db.Jobs.Where(j => j.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            LogSwept(logger, deleted, cutoff);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Push record retention sweep failed")]
    static partial void LogSweepFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} push records older than {Cutoff}")]
    static partial void LogSwept(ILogger logger, int count, DateTime cutoff);
}
