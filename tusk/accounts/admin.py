"""Admin for users, their roles and focal point memberships."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tusk.accounts.models import FocalPointMembership, User


class MembershipInline(admin.TabularInline):
    model = FocalPointMembership
    extra = 0
    autocomplete_fields = ["party"]


@admin.register(User)
class UserAdmin(BaseUserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "email", "first_name", "last_name", "role", "partner", "is_demo"]
    list_filter = ["role", "is_active", "is_demo"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Tusk"), {"fields": ("role", "partner", "is_demo")}),
    )
    inlines = [MembershipInline]


@admin.register(FocalPointMembership)
class FocalPointMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "party", "agency", "since"]
    list_filter = ["party"]
