from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from labs.models import JointLab
from portal.structured_data import news_article_data

from .models import NewsArticle
from .selectors import published_articles


class ArticleListView(ListView):
    """All published news, newest first, or one lab's (/news/lab/<slug>/)."""

    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = 10

    def get_queryset(self):
        self.lab = None
        if "lab_slug" in self.kwargs:
            self.lab = get_object_or_404(JointLab, slug=self.kwargs["lab_slug"])
        return published_articles(lab=self.lab)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(lab=self.lab, labs=JointLab.objects.order_by("name"))
        return context


class ArticleDetailView(DetailView):
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        return get_object_or_404(NewsArticle.objects.published().select_related("lab"), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        people = list(article.people.public())
        context.update(
            people=people,
            projects=article.projects.public().select_related("lab"),
            organisations=article.organisations.all(),
            structured_data=news_article_data(self.request, article, people=people),
        )
        return context
