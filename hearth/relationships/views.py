from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hearth.accounts.models import User
from hearth.refusals import refusal_shown
from hearth.relationships import selectors, services
from hearth.relationships.access import membership_required
from hearth.relationships.forms import JoinForm, RelationshipForm, RelationshipSettingsForm
from hearth.relationships.models import Invitation, Member
from hearth.relationships.qr import qr_svg
from hearth.relationships.services import MembershipError


def signed_in_user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@login_required
def relationship_list(request: HttpRequest) -> HttpResponse:
    memberships = list(selectors.memberships_of(signed_in_user(request)))
    return render(
        request,
        "relationships/list.html",
        {
            "active": [m for m in memberships if not m.relationship.is_archived],
            "archived": [m for m in memberships if m.relationship.is_archived],
            "join_form": JoinForm(),
        },
    )


@login_required
def relationship_create(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = RelationshipForm(request.POST or None, initial={"time_zone": user.time_zone})
    if request.method == "POST" and form.is_valid():
        relationship = services.relationship_create(user=user, **form.cleaned_data)
        messages.success(
            request,
            _("“%(name)s” is ready. Invite someone to join you.") % {"name": relationship.name},
        )
        return redirect("relationships:detail", relationship_id=relationship.pk)
    return render(request, "relationships/create.html", {"form": form})


@membership_required
def relationship_detail(request: HttpRequest, member: Member) -> HttpResponse:
    relationship = member.relationship
    return render(
        request,
        "relationships/detail.html",
        {
            "member": member,
            "relationship": relationship,
            "members": selectors.current_members(relationship),
            "recently_left": selectors.recently_left(relationship),
            "invitations": [
                (
                    invitation,
                    link,
                    qr_svg(
                        link,
                        _("QR code for the invitation to %(name)s") % {"name": relationship.name},
                    ),
                )
                for invitation in selectors.pending_invitations(relationship)
                for link in [
                    request.build_absolute_uri(
                        reverse("relationships:invitation", args=[invitation.token])
                    )
                ]
            ],
            "settings_form": RelationshipSettingsForm(instance=relationship),
        },
    )


@membership_required
def relationship_settings(request: HttpRequest, member: Member) -> HttpResponse:
    form = RelationshipSettingsForm(request.POST or None, instance=member.relationship)
    if request.method == "POST" and form.is_valid():
        services.relationship_update(member=member, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("relationships:detail", relationship_id=member.relationship_id)
    return render(
        request,
        "relationships/settings.html",
        {"form": form, "relationship": member.relationship},
    )


@require_POST
@membership_required
def invitation_create(request: HttpRequest, member: Member) -> HttpResponse:
    with refusal_shown(request):
        services.invitation_create(member=member)
        messages.success(request, _("A new invitation is ready: share the link or the code."))
    return redirect(reverse("relationships:detail", args=[member.relationship_id]) + "#invite")


@require_POST
@membership_required
def invitation_revoke(request: HttpRequest, member: Member, invitation_id: int) -> HttpResponse:
    with refusal_shown(request):
        services.invitation_revoke(member=member, invitation_id=invitation_id)
        messages.success(request, _("Invitation revoked. Its link and code no longer work."))
    return redirect(reverse("relationships:detail", args=[member.relationship_id]) + "#invite")


@membership_required
def member_leave(request: HttpRequest, member: Member) -> HttpResponse:
    if request.method == "POST":
        name = member.relationship.name
        services.member_leave(member=member)
        request.session.pop("current_relationship", None)
        messages.success(request, _("You left “%(name)s”.") % {"name": name})
        return redirect("relationships:list")
    others = selectors.current_members(member.relationship).exclude(pk=member.pk)
    return render(
        request,
        "relationships/leave.html",
        {"relationship": member.relationship, "others": others},
    )


@require_POST
@membership_required
def relationship_archive(request: HttpRequest, member: Member) -> HttpResponse:
    services.relationship_archive(member=member)
    messages.success(request, _("Archived. Everything stays readable, and you can reopen it."))
    return redirect("relationships:detail", relationship_id=member.relationship_id)


@require_POST
@membership_required
def relationship_reopen(request: HttpRequest, member: Member) -> HttpResponse:
    services.relationship_reopen(member=member)
    messages.success(request, _("Reopened."))
    return redirect("relationships:detail", relationship_id=member.relationship_id)


@login_required
def join_by_code(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request, form, field="code"):
            code = services.check_code_format(form.cleaned_data["code"])
            invitation = selectors.invitation_by_code(code)
            if invitation is None:
                raise MembershipError(
                    _("We couldn't find an invitation with that code. Check it and try again.")
                )
            return accept_and_redirect(request, invitation)
    return render(request, "relationships/join.html", {"form": form})


def invitation_open(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation link opens: sign up or log in first, then accept."""
    invitation = selectors.pending_invitation_by_token(token)
    if invitation is None:
        return render(request, "relationships/invitation_invalid.html", status=404)
    if request.method == "POST" and request.user.is_authenticated:
        with refusal_shown(request):
            return accept_and_redirect(request, invitation)
    return render(
        request,
        "relationships/invitation.html",
        {"invitation": invitation, "members": selectors.current_members(invitation.relationship)},
    )


def accept_and_redirect(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    member = services.invitation_accept(user=signed_in_user(request), invitation=invitation)
    messages.success(
        request,
        _(
            "Welcome to “%(name)s”. Here is today's question: everyone answers privately, and "
            "the answers open once all of you have answered."
        )
        % {"name": member.relationship.name},
    )
    return redirect("questions:today", relationship_id=member.relationship_id)
