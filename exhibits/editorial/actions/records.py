from django.contrib.contenttypes.models import ContentType

from exhibits.models import PublicationRecord


def record(*, obj, action, user, override_reason="", findings=()):
    return PublicationRecord.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        user=user,
        override_reason=override_reason,
        findings=[item.as_dict() for item in findings],
    )


def can_publish(user):
    return user.has_perm("exhibits.publish_content")


def can_edit(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}") and user.has_perm(
        "exhibits.edit_source_text"
    )
