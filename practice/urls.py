from django.urls import path

from practice import views

app_name = "practice"

urlpatterns = [
    path("practice/steps/<int:pk>/take/", views.step_take, name="step_take"),
]
