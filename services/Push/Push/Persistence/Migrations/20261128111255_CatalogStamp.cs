using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PushInventory.Push.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CatalogStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CatalogStamp",
                table: "tenant_settings",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CatalogStamp",
                table: "tenant_settings");
        }
    }
}
