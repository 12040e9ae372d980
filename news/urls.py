from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("news/", views.ArticleListView.as_view(), name="article_list"),
    path("news/feed/", feeds.LatestNewsFeed(), name="feed"),
    path("news/lab/<slug:lab_slug>/", views.ArticleListView.as_view(), name="lab_article_list"),
    path("news/lab/<slug:lab_slug>/feed/", feeds.LabNewsFeed(), name="lab_feed"),
    path("news/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
]
