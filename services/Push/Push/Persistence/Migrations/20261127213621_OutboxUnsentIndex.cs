using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PushInventory.Push.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxUnsentIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_unsent",
                table: "outbox_messages",
                column: "Sequence",
                filter: "\"SentAt\" IS NULL AND \"FailedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_unsent",
                table: "outbox_messages");
        }
    }
}
